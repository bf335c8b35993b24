package dev.justiam.server.users;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import dev.justiam.server.audit.Actor;
import dev.justiam.server.audit.AuditLog;
import dev.justiam.server.auth.PasswordHasher;
import dev.justiam.server.auth.SessionMapper;
import dev.justiam.server.common.Like;
import dev.justiam.server.common.PageRequest;
import dev.justiam.server.common.PageResult;
import dev.justiam.server.db.Constraints;
import dev.justiam.server.db.Database;
import dev.justiam.server.http.ApiException;
import dev.justiam.server.mappings.AppMappingMapper;
import dev.justiam.server.http.ValidationErrors;
import dev.justiam.server.roles.AdminRoleMapper;
import org.apache.ibatis.session.SqlSession;

/** User administration and self-service. Each change and its audit record share one transaction. */
public final class UserService {

    private final Database db;
    private final PasswordHasher hasher;
    private final AuditLog audit;

    public UserService(Database db, PasswordHasher hasher, AuditLog audit) {
        this.db = db;
        this.hasher = hasher;
        this.audit = audit;
    }

    public record NewUser(String username, String email, Boolean emailVerified, String firstName, String lastName,
            String displayName, String password) {
    }

    /** Fields of a partial update; null leaves a field as it is, an empty string clears an optional one. */
    public record UserChanges(String username, String email, Boolean emailVerified, String firstName,
            String lastName, String displayName) {
    }

    public UserRow create(Actor actor, NewUser in) {
        ValidationErrors errors = new ValidationErrors();
        UserFields.username(errors, in.username());
        UserFields.email(errors, UserFields.blankToNull(in.email()));
        UserFields.text(errors, "first_name", in.firstName(), 100);
        UserFields.text(errors, "last_name", in.lastName(), 100);
        UserFields.text(errors, "display_name", in.displayName(), 200);
        if (in.password() != null) {
            UserFields.password(errors, "password", in.password());
        }
        errors.throwIfAny();

        String hash = in.password() == null ? null : hasher.hash(in.password());
        UserRow row = new UserRow(Database.newId(), actor.tenantId(), in.username(), UserFields.blankToNull(in.email()),
                Boolean.TRUE.equals(in.emailVerified()), UserFields.blankToNull(in.firstName()),
                UserFields.blankToNull(in.lastName()), UserFields.blankToNull(in.displayName()), hash, UserRow.ACTIVE,
                0, null, null, null, null);
        return withDuplicatesAsConflict(() -> db.inTransaction(s -> {
            s.getMapper(UserMapper.class).insertUser(row);
            audit.record(s, actor.success("user.create", "user", row.id(), Map.of("username", row.username())));
            return s.getMapper(UserMapper.class).findUserById(actor.tenantId(), row.id());
        }));
    }

    public UserRow get(UUID tenantId, UUID id) {
        return db.read(s -> require(s, tenantId, id));
    }

    public PageResult<UserRow> list(UUID tenantId, PageRequest page, String search, String status, UUID groupId) {
        UserQuery q = new UserQuery(tenantId, Like.contains(search), status, groupId, page.limit(), page.offset());
        return db.read(s -> {
            UserMapper m = s.getMapper(UserMapper.class);
            return new PageResult<>(m.findUsers(q), m.countUsers(q), page);
        });
    }

    public UserRow update(Actor actor, UUID id, UserChanges in) {
        ValidationErrors errors = new ValidationErrors();
        if (in.username() != null) {
            UserFields.username(errors, in.username());
        }
        UserFields.email(errors, UserFields.blankToNull(in.email()));
        UserFields.text(errors, "first_name", in.firstName(), 100);
        UserFields.text(errors, "last_name", in.lastName(), 100);
        UserFields.text(errors, "display_name", in.displayName(), 200);
        errors.throwIfAny();

        return withDuplicatesAsConflict(() -> db.inTransaction(s -> {
            UserRow old = require(s, actor.tenantId(), id);
            boolean emailChanged = in.email() != null && !sameText(UserFields.blankToNull(in.email()), old.email());
            UserRow changed = new UserRow(old.id(), old.tenantId(),
                    in.username() != null ? in.username() : old.username(),
                    in.email() != null ? UserFields.blankToNull(in.email()) : old.email(),
                    in.emailVerified() != null ? in.emailVerified() : (!emailChanged && old.emailVerified()),
                    in.firstName() != null ? UserFields.blankToNull(in.firstName()) : old.firstName(),
                    in.lastName() != null ? UserFields.blankToNull(in.lastName()) : old.lastName(),
                    in.displayName() != null ? UserFields.blankToNull(in.displayName()) : old.displayName(),
                    old.passwordHash(), old.status(), old.failedLogins(), old.lockedUntil(), old.lastLoginAt(),
                    old.createdAt(), old.updatedAt());
            s.getMapper(UserMapper.class).updateUserProfile(changed);
            audit.record(s, actor.success("user.update", "user", id, Map.of("fields", changedFields(in))));
            return require(s, actor.tenantId(), id);
        }));
    }

    public void delete(Actor actor, UUID id) {
        db.runInTransaction(s -> {
            UserRow user = require(s, actor.tenantId(), id);
            requireAnotherAdministrator(s, actor.tenantId(), id, "delete");
            s.getMapper(AdminRoleMapper.class).deleteAssignmentsOfSubject(actor.tenantId(), "user", id);
            s.getMapper(AppMappingMapper.class).deleteMappingsOfSubject(actor.tenantId(), "user", id);
            s.getMapper(UserMapper.class).deleteUser(actor.tenantId(), id);
            audit.record(s, actor.success("user.delete", "user", id, Map.of("username", user.username())));
        });
    }

    public void setPassword(Actor actor, UUID id, String password) {
        ValidationErrors errors = new ValidationErrors();
        UserFields.password(errors, "password", password);
        errors.throwIfAny();
        String hash = hasher.hash(password);
        db.runInTransaction(s -> {
            require(s, actor.tenantId(), id);
            s.getMapper(UserMapper.class).updateUserPassword(actor.tenantId(), id, hash);
            s.getMapper(SessionMapper.class).revokeUserSessions(actor.tenantId(), id, null);
            audit.record(s, actor.success("user.password.set", "user", id, null));
        });
    }

    /** Self-service: the current password must be right; every other session of the user ends. */
    public void changeOwnPassword(Actor actor, UUID currentSession, String current, String next) {
        ValidationErrors errors = new ValidationErrors();
        if (current == null) {
            errors.add("current_password", "is required");
        }
        UserFields.password(errors, "new_password", next);
        errors.throwIfAny();
        UserRow user = get(actor.tenantId(), actor.userId());
        if (!hasher.verify(current, user.passwordHash())) {
            db.runInTransaction(s -> {
                audit.record(s, actor.failure("user.password.change", "user", user.id(),
                        Map.of("reason", "wrong_current_password")));
            });
            throw new ApiException(400, "invalid_current_password", "The current password is wrong.",
                    Map.of("fields", Map.of("current_password", "is wrong")));
        }
        String hash = hasher.hash(next);
        db.runInTransaction(s -> {
            s.getMapper(UserMapper.class).updateUserPassword(actor.tenantId(), user.id(), hash);
            s.getMapper(SessionMapper.class).revokeUserSessions(actor.tenantId(), user.id(), currentSession);
            audit.record(s, actor.success("user.password.change", "user", user.id(), null));
        });
    }

    public UserRow disable(Actor actor, UUID id) {
        return db.inTransaction(s -> {
            require(s, actor.tenantId(), id);
            requireAnotherAdministrator(s, actor.tenantId(), id, "disable");
            s.getMapper(UserMapper.class).updateUserStatus(actor.tenantId(), id, UserRow.DISABLED);
            s.getMapper(SessionMapper.class).revokeUserSessions(actor.tenantId(), id, null);
            audit.record(s, actor.success("user.disable", "user", id, null));
            return require(s, actor.tenantId(), id);
        });
    }

    public UserRow enable(Actor actor, UUID id) {
        return db.inTransaction(s -> {
            require(s, actor.tenantId(), id);
            s.getMapper(UserMapper.class).updateUserStatus(actor.tenantId(), id, UserRow.ACTIVE);
            audit.record(s, actor.success("user.enable", "user", id, null));
            return require(s, actor.tenantId(), id);
        });
    }

    public UserRow unlock(Actor actor, UUID id) {
        return db.inTransaction(s -> {
            require(s, actor.tenantId(), id);
            s.getMapper(UserMapper.class).clearLockout(actor.tenantId(), id);
            audit.record(s, actor.success("user.unlock", "user", id, null));
            return require(s, actor.tenantId(), id);
        });
    }

    static UserRow require(SqlSession s, UUID tenantId, UUID id) {
        UserRow user = s.getMapper(UserMapper.class).findUserById(tenantId, id);
        if (user == null) {
            throw ApiException.notFound("User");
        }
        return user;
    }

    /** The tenant must keep at least one active administrator. */
    private static void requireAnotherAdministrator(SqlSession s, UUID tenantId, UUID userId, String verb) {
        AdminRoleMapper roles = s.getMapper(AdminRoleMapper.class);
        List<String> permissions = roles.findPermissionsOfUser(tenantId, userId);
        if (permissions.contains("*") && roles.countOtherAdministrators(tenantId, userId) == 0) {
            throw new ApiException(409, "last_administrator",
                    "Cannot " + verb + " the last administrator of this tenant.");
        }
    }

    private static <T> T withDuplicatesAsConflict(Supplier<T> work) {
        return Constraints.onUniqueViolation(work, constraint -> constraint.equals("users_email_uq")
                ? ApiException.conflict("A user with this email already exists.", "email")
                : ApiException.conflict("A user with this username already exists.", "username"));
    }

    private static boolean sameText(String a, String b) {
        return a == null ? b == null : a.equalsIgnoreCase(b);
    }

    private static List<String> changedFields(UserChanges in) {
        List<String> fields = new java.util.ArrayList<>();
        if (in.username() != null) fields.add("username");
        if (in.email() != null) fields.add("email");
        if (in.emailVerified() != null) fields.add("email_verified");
        if (in.firstName() != null) fields.add("first_name");
        if (in.lastName() != null) fields.add("last_name");
        if (in.displayName() != null) fields.add("display_name");
        return fields;
    }

    static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
