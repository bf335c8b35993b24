package dev.justiam.server.groups;

import dev.justiam.api.model.Group;
import dev.justiam.api.model.GroupPage;
import dev.justiam.server.common.PageResult;

public final class GroupViews {

    private GroupViews() {
    }

    public static Group toApi(GroupRow row) {
        return new Group()
                .id(row.id())
                .name(row.name())
                .description(row.description())
                .memberCount(row.memberCount())
                .createdAt(row.createdAt())
                .updatedAt(row.updatedAt());
    }

    public static GroupPage toApi(PageResult<GroupRow> page) {
        return new GroupPage()
                .data(page.rows().stream().map(GroupViews::toApi).toList())
                .total(page.total())
                .page(page.page().page())
                .limit(page.page().limit());
    }
}
