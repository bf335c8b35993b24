package dev.justiam.server.mappings;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.justiam.server.applications.ApplicationMapper;
import dev.justiam.server.audit.Actor;
import dev.justiam.server.audit.AuditLog;
import dev.justiam.server.common.PageRequest;
import dev.justiam.server.common.PageResult;
import dev.justiam.server.common.Text;
import dev.justiam.server.db.Constraints;
import dev.justiam.server.db.Database;
import dev.justiam.server.groups.GroupMapper;
import dev.justiam.server.http.ApiException;
import dev.justiam.server.http.ValidationErrors;
import dev.justiam.server.users.UserMapper;
import org.apache.ibatis.session.SqlSession;

/** Who may use which application, with which application roles. */
public final class AppMappingService {

    public static final String USER = "user";
    public static final String GROUP = "group";

    private final Database db;
    private final AuditLog audit;

    public AppMappingService(Database db, AuditLog audit) {
        this.db = db;
        this.audit = audit;
    }

    public AppMappingRow create(Actor actor, UUID applicationId, String subjectType, UUID subjectId,
            List<String> roles) {
        ValidationErrors errors = new ValidationErrors();
        if (applicationId == null) {
            errors.add("application_id", "is required");
        }
        if (subjectType == null) {
            errors.add("subject_type", "is required");
        }
        if (subjectId == null) {
            errors.add("subject_id", "is required");
        }
        errors.throwIfAny();
        String[] cleanRoles = roles(roles);
        UUID id = Database.newId();
        return Constraints.onUniqueViolation(() -> db.inTransaction(s -> {
            if (s.getMapper(ApplicationMapper.class).findApplicationById(actor.tenantId(), applicationId) == null) {
                throw ApiException.notFound("Application");
            }
            requireSubject(s, actor.tenantId(), subjectType, subjectId);
            s.getMapper(AppMappingMapper.class).insertMapping(new AppMappingRow(id, actor.tenantId(), applicationId,
                    subjectType, subjectId, cleanRoles, null, null));
            audit.record(s, actor.success("app_mapping.create", "app_mapping", id,
                    Map.of("application_id", applicationId.toString(), "subject_type", subjectType,
                            "subject_id", subjectId.toString(), "roles", List.of(cleanRoles))));
            return require(s, actor.tenantId(), id);
        }), constraint -> ApiException.conflict("This subject is already mapped to the application.",
                "subject_id"));
    }

    public AppMappingRow get(UUID tenantId, UUID id) {
        return db.read(s -> require(s, tenantId, id));
    }

    public PageResult<AppMappingRow> list(UUID tenantId, PageRequest page, UUID applicationId, UUID userId,
            UUID groupId) {
        return db.read(s -> {
            AppMappingMapper m = s.getMapper(AppMappingMapper.class);
            return new PageResult<>(m.findMappings(tenantId, applicationId, userId, groupId, page.limit(),
                    page.offset()), m.countMappings(tenantId, applicationId, userId, groupId), page);
        });
    }

    public AppMappingRow updateRoles(Actor actor, UUID id, List<String> roles) {
        if (roles == null) {
            throw ValidationErrors.single("roles", "is required");
        }
        String[] cleanRoles = roles(roles);
        return db.inTransaction(s -> {
            require(s, actor.tenantId(), id);
            s.getMapper(AppMappingMapper.class).updateMappingRoles(actor.tenantId(), id, cleanRoles);
            audit.record(s, actor.success("app_mapping.update", "app_mapping", id,
                    Map.of("roles", List.of(cleanRoles))));
            return require(s, actor.tenantId(), id);
        });
    }

    public void delete(Actor actor, UUID id) {
        db.runInTransaction(s -> {
            require(s, actor.tenantId(), id);
            s.getMapper(AppMappingMapper.class).deleteMapping(actor.tenantId(), id);
            audit.record(s, actor.success("app_mapping.delete", "app_mapping", id, null));
        });
    }

    private static void requireSubject(SqlSession s, UUID tenantId, String type, UUID id) {
        boolean exists = USER.equals(type)
                ? s.getMapper(UserMapper.class).findUserById(tenantId, id) != null
                : s.getMapper(GroupMapper.class).findGroupById(tenantId, id) != null;
        if (!exists) {
            throw ApiException.notFound(USER.equals(type) ? "User" : "Group");
        }
    }

    private static String[] roles(List<String> roles) {
        if (roles == null) {
            return new String[0];
        }
        if (roles.size() > 50) {
            throw ValidationErrors.single("roles", "must list at most 50 roles");
        }
        LinkedHashSet<String> clean = new LinkedHashSet<>();
        for (String role : roles) {
            if (role == null || role.isBlank() || role.length() > 100 || Text.hasControlCharacters(role)) {
                throw ValidationErrors.single("roles", "each role must be 1 to 100 characters");
            }
            clean.add(role.trim());
        }
        return clean.toArray(String[]::new);
    }

    static AppMappingRow require(SqlSession s, UUID tenantId, UUID id) {
        AppMappingRow row = s.getMapper(AppMappingMapper.class).findMappingById(tenantId, id);
        if (row == null) {
            throw ApiException.notFound("App mapping");
        }
        return row;
    }
}
