package dev.justiam.server.users;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import dev.justiam.api.model.User;
import dev.justiam.api.model.UserPage;
import dev.justiam.api.model.UserStatus;
import dev.justiam.server.common.PageResult;

/** Stored users as the API shows them; the password hash and lockout counters never leave. */
public final class UserViews {

    private UserViews() {
    }

    public static User toApi(UserRow row) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        UserStatus status = row.isDisabled() ? UserStatus.DISABLED
                : row.isLocked(now) ? UserStatus.LOCKED : UserStatus.ACTIVE;
        return new User()
                .id(row.id())
                .username(row.username())
                .email(row.email())
                .emailVerified(row.emailVerified())
                .firstName(row.firstName())
                .lastName(row.lastName())
                .displayName(row.displayName())
                .status(status)
                .lastLoginAt(row.lastLoginAt())
                .createdAt(row.createdAt())
                .updatedAt(row.updatedAt());
    }

    public static UserPage toApi(PageResult<UserRow> page) {
        return new UserPage()
                .data(page.rows().stream().map(UserViews::toApi).toList())
                .total(page.total())
                .page(page.page().page())
                .limit(page.page().limit());
    }
}
