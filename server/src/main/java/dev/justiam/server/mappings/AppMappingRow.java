package dev.justiam.server.mappings;

import java.time.OffsetDateTime;
import java.util.UUID;

/** Access to an application for a user or a group, with application roles. */
public record AppMappingRow(UUID id, UUID tenantId, UUID applicationId, String subjectType, UUID subjectId,
        String[] roles, OffsetDateTime createdAt, OffsetDateTime updatedAt) {
}
