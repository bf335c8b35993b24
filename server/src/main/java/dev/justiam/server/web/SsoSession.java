package dev.justiam.server.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A live browser sign-in: the row of the sessions table the SSO cookie points at, for an active
 * user. {@code authTime} is when the person last proved who they are; {@code authMethods} how
 * (values of RFC 8176, such as {@code pwd}).
 */
public record SsoSession(UUID sessionId, UUID userId, String username, Instant authTime, List<String> authMethods) {
}
