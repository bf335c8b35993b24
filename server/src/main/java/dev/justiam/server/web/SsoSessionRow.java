package dev.justiam.server.web;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A live SSO session as the database returns it. */
public record SsoSessionRow(UUID sessionId, UUID userId, String username, OffsetDateTime authTime,
        String[] authMethods) {
}
