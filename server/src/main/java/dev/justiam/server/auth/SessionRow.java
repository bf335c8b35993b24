package dev.justiam.server.auth;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A sign-in session joined with what the token check needs of its user. */
public record SessionRow(
        UUID id,
        UUID tenantId,
        UUID userId,
        String username,
        String userStatus,
        String[] authMethods,
        String ip,
        String userAgent,
        OffsetDateTime createdAt,
        OffsetDateTime lastSeenAt,
        OffsetDateTime expiresAt,
        OffsetDateTime revokedAt) {
}
