package dev.justiam.server.groups;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import dev.justiam.server.audit.Actor;
import dev.justiam.server.audit.AuditLog;
import dev.justiam.server.common.Like;
import dev.justiam.server.common.PageRequest;
import dev.justiam.server.common.PageResult;
import dev.justiam.server.db.Constraints;
import dev.justiam.server.db.Database;
import dev.justiam.server.http.ApiException;
import dev.justiam.server.mappings.AppMappingMapper;
import dev.justiam.server.http.ValidationErrors;
import dev.justiam.server.roles.AdminRoleMapper;
import dev.justiam.server.users.UserFields;
import dev.justiam.server.users.UserMapper;
import org.apache.ibatis.session.SqlSession;

/** Groups and their direct members. Each change and its audit record share one transaction. */
public final class GroupService {

    private final Database db;
    private final AuditLog audit;

    public GroupService(Database db, AuditLog audit) {
        this.db = db;
        this.audit = audit;
    }

    public GroupRow create(Actor actor, String name, String description) {
        validate(name, description, true);
        UUID id = Database.newId();
        return withDuplicateNameAsConflict(() -> db.inTransaction(s -> {
            s.getMapper(GroupMapper.class).insertGroup(id, actor.tenantId(), name.trim(),
                    UserFields.blankToNull(description));
            audit.record(s, actor.success("group.create", "group", id, Map.of("name", name.trim())));
            return require(s, actor.tenantId(), id);
        }));
    }

    public GroupRow get(UUID tenantId, UUID id) {
        return db.read(s -> require(s, tenantId, id));
    }

    public PageResult<GroupRow> list(UUID tenantId, PageRequest page, String search, UUID memberId) {
        String pattern = Like.contains(search);
        return db.read(s -> {
            GroupMapper m = s.getMapper(GroupMapper.class);
            return new PageResult<>(m.findGroups(tenantId, pattern, memberId, page.limit(), page.offset()),
                    m.countGroups(tenantId, pattern, memberId), page);
        });
    }

    /** Groups of a user, after checking the user exists in this tenant. */
    public PageResult<GroupRow> groupsOf(UUID tenantId, UUID userId, PageRequest page) {
        boolean exists = db.read(s -> s.getMapper(UserMapper.class).findUserById(tenantId, userId) != null);
        if (!exists) {
            throw ApiException.notFound("User");
        }
        return list(tenantId, page, null, userId);
    }

    public GroupRow update(Actor actor, UUID id, String name, String description) {
        validate(name, description, false);
        return withDuplicateNameAsConflict(() -> db.inTransaction(s -> {
            GroupRow old = require(s, actor.tenantId(), id);
            String newName = name != null ? name.trim() : old.name();
            String newDescription = description != null ? UserFields.blankToNull(description) : old.description();
            s.getMapper(GroupMapper.class).updateGroup(actor.tenantId(), id, newName, newDescription);
            audit.record(s, actor.success("group.update", "group", id, Map.of("name", newName)));
            return require(s, actor.tenantId(), id);
        }));
    }

    public void delete(Actor actor, UUID id) {
        db.runInTransaction(s -> {
            GroupRow group = require(s, actor.tenantId(), id);
            s.getMapper(AdminRoleMapper.class).deleteAssignmentsOfSubject(actor.tenantId(), "group", id);
            s.getMapper(AppMappingMapper.class).deleteMappingsOfSubject(actor.tenantId(), "group", id);
            s.getMapper(GroupMapper.class).deleteGroup(actor.tenantId(), id);
            audit.record(s, actor.success("group.delete", "group", id, Map.of("name", group.name())));
        });
    }

    /** Adds users; all must exist in this tenant or nothing changes. Existing members stay as they are. */
    public void addMembers(Actor actor, UUID groupId, List<UUID> userIds) {
        if (userIds == null || userIds.isEmpty() || userIds.size() > 100 || userIds.contains(null)) {
            throw ValidationErrors.single("user_ids", "must list 1 to 100 user ids");
        }
        Set<UUID> wanted = new LinkedHashSet<>(userIds);
        db.runInTransaction(s -> {
            require(s, actor.tenantId(), groupId);
            List<UUID> existing = s.getMapper(UserMapper.class).findExistingUserIds(actor.tenantId(),
                    new ArrayList<>(wanted));
            if (existing.size() != wanted.size()) {
                List<String> missing = wanted.stream().filter(u -> !existing.contains(u)).map(UUID::toString).toList();
                throw new ApiException(404, "not_found", "User not found.", Map.of("user_ids", missing));
            }
            GroupMapper groups = s.getMapper(GroupMapper.class);
            for (UUID userId : wanted) {
                if (groups.insertMember(actor.tenantId(), groupId, userId) > 0) {
                    audit.record(s, actor.success("group.member.add", "group", groupId,
                            Map.of("user_id", userId.toString())));
                }
            }
        });
    }

    public void removeMember(Actor actor, UUID groupId, UUID userId) {
        db.runInTransaction(s -> {
            require(s, actor.tenantId(), groupId);
            if (s.getMapper(GroupMapper.class).deleteMember(actor.tenantId(), groupId, userId) == 0) {
                throw new ApiException(404, "not_found", "The user is not a member of this group.");
            }
            audit.record(s, actor.success("group.member.remove", "group", groupId,
                    Map.of("user_id", userId.toString())));
        });
    }

    static GroupRow require(SqlSession s, UUID tenantId, UUID id) {
        GroupRow group = s.getMapper(GroupMapper.class).findGroupById(tenantId, id);
        if (group == null) {
            throw ApiException.notFound("Group");
        }
        return group;
    }

    private static void validate(String name, String description, boolean nameRequired) {
        ValidationErrors errors = new ValidationErrors();
        if (name != null || nameRequired) {
            if (name == null || name.isBlank()) {
                errors.add("name", "is required");
            } else {
                UserFields.text(errors, "name", name.trim(), 200);
            }
        }
        UserFields.text(errors, "description", description, 1000);
        errors.throwIfAny();
    }

    private static <T> T withDuplicateNameAsConflict(Supplier<T> work) {
        return Constraints.onUniqueViolation(work,
                constraint -> ApiException.conflict("A group with this name already exists.", "name"));
    }

}
