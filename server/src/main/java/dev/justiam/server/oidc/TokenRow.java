package dev.justiam.server.oidc;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * An issued token: a refresh token ({@code lookup} is the SHA-256 of its value) or an access token
 * ({@code lookup} is its jti). {@code userStatus} is filled on reads only.
 */
public record TokenRow(
        UUID id,
        UUID tenantId,
        UUID applicationId,
        UUID userId,
        UUID sessionId,
        String kind,
        String lookup,
        UUID familyId,
        String scope,
        OffsetDateTime authTime,
        String[] authMethods,
        OffsetDateTime createdAt,
        OffsetDateTime expiresAt,
        OffsetDateTime usedAt,
        OffsetDateTime revokedAt,
        String userStatus) {

    public static final String ACCESS = "access";
    public static final String REFRESH = "refresh";
}
