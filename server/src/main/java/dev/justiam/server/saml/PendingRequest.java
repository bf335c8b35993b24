package dev.justiam.server.saml;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * An accepted AuthnRequest parked while the person signs in. {@code requestId} is null for an
 * IdP-initiated sign-in.
 */
public record PendingRequest(
        String id,
        UUID tenantId,
        UUID applicationId,
        String requestId,
        String acsUrl,
        String relayState,
        boolean forceAuthn,
        boolean passive,
        OffsetDateTime createdAt,
        OffsetDateTime expiresAt) {
}
