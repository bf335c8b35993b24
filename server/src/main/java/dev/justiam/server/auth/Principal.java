package dev.justiam.server.auth;

import java.util.Set;
import java.util.UUID;

/** Who is calling: the user, the session their token names, and the permissions they hold now. */
public record Principal(UUID tenantId, UUID userId, String username, UUID sessionId, Set<String> permissions) {

    public boolean has(String required) {
        return Permissions.grants(permissions, required);
    }
}
