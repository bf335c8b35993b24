package dev.justiam.server.audit;

import java.time.OffsetDateTime;
import java.util.UUID;

public record AuditRow(
        UUID id,
        UUID tenantId,
        UUID actorId,
        String actorName,
        String action,
        String targetType,
        String targetId,
        String result,
        String ip,
        String userAgent,
        String details,
        OffsetDateTime createdAt) {
}
