package dev.justiam.server.users;

import java.util.UUID;

/** Filters of the user list; null means "any". {@code pattern} is an escaped LIKE pattern. */
public record UserQuery(UUID tenantId, String pattern, String status, UUID groupId, int limit, long offset) {
}
