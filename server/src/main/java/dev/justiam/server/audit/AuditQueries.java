package dev.justiam.server.audit;

import java.time.OffsetDateTime;
import java.util.UUID;

import dev.justiam.server.common.PageRequest;
import dev.justiam.server.common.Text;
import dev.justiam.server.common.PageResult;
import dev.justiam.server.db.Database;
import dev.justiam.server.http.ApiException;
import dev.justiam.server.http.ValidationErrors;

/** Reading the audit log; records are never changed through the API. */
public final class AuditQueries {

    private final Database db;

    public AuditQueries(Database db) {
        this.db = db;
    }

    public PageResult<AuditRow> list(UUID tenantId, PageRequest page, UUID actorId, String action, String targetType,
            String targetId, String result, OffsetDateTime from, OffsetDateTime to) {
        ValidationErrors errors = new ValidationErrors();
        filterText(errors, "action", action, 100);
        filterText(errors, "target_type", targetType, 50);
        filterText(errors, "target_id", targetId, 100);
        if (from != null && to != null && !from.isBefore(to)) {
            errors.add("from", "must be before to");
        }
        errors.throwIfAny();
        AuditQuery q = new AuditQuery(tenantId, actorId, blankToNull(action), blankToNull(targetType),
                blankToNull(targetId), result, from, to, page.limit(), page.offset());
        return db.read(s -> {
            AuditMapper m = s.getMapper(AuditMapper.class);
            return new PageResult<>(m.findAuditLogs(q), m.countAuditLogs(q), page);
        });
    }

    public AuditRow get(UUID tenantId, UUID id) {
        AuditRow row = db.read(s -> s.getMapper(AuditMapper.class).findAuditLogById(tenantId, id));
        if (row == null) {
            throw ApiException.notFound("Audit record");
        }
        return row;
    }

    private static void filterText(ValidationErrors errors, String field, String value, int max) {
        if (value != null && (value.length() > max || Text.hasControlCharacters(value))) {
            errors.add(field, "must be at most " + max + " characters without control characters");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
