package dev.justiam.server.groups;

import java.time.OffsetDateTime;
import java.util.UUID;

public record GroupRow(UUID id, UUID tenantId, String name, String description, long memberCount,
        OffsetDateTime createdAt, OffsetDateTime updatedAt) {
}
