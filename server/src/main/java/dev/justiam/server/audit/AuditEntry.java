package dev.justiam.server.audit;

import java.util.Map;
import java.util.UUID;

/** One audit record to write: who did what to which target, and how it ended. */
public record AuditEntry(
        UUID tenantId,
        UUID actorId,
        String actorName,
        String action,
        String targetType,
        String targetId,
        String result,
        String ip,
        String userAgent,
        Map<String, Object> details) {
}
