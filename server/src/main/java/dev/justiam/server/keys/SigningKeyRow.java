package dev.justiam.server.keys;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A stored signing key; the private part stays encrypted until {@link SigningKeys} needs it. */
public record SigningKeyRow(
        UUID id,
        UUID tenantId,
        String kid,
        String algorithm,
        String publicJwk,
        byte[] privateKeyEnc,
        String certificate,
        String status,
        OffsetDateTime createdAt,
        OffsetDateTime activatedAt,
        OffsetDateTime retiredAt,
        OffsetDateTime retireAfter) {
}
