package dev.justiam.server.audit;

import java.time.OffsetDateTime;
import java.util.UUID;

/** Filters of the audit log list; null means "any". */
public record AuditQuery(
        UUID tenantId,
        UUID actorId,
        String action,
        String targetType,
        String targetId,
        String result,
        OffsetDateTime from,
        OffsetDateTime to,
        int limit,
        long offset) {
}
