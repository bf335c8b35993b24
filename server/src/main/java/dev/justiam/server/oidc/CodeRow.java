package dev.justiam.server.oidc;

import java.time.OffsetDateTime;
import java.util.UUID;

/** An authorization code as stored: only its SHA-256, and what the token request must match. */
public record CodeRow(
        String codeHash,
        UUID tenantId,
        UUID applicationId,
        UUID userId,
        UUID sessionId,
        UUID familyId,
        String redirectUri,
        String scope,
        String nonce,
        String codeChallenge,
        OffsetDateTime authTime,
        String[] authMethods,
        OffsetDateTime expiresAt,
        OffsetDateTime usedAt) {
}
