package dev.justiam.server.oidc;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.justiam.server.users.UserRow;

/** The standard claims (OIDC Core §5.1, §5.4) a user's granted scopes release, plus {@code groups}. */
final class UserClaims {

    private UserClaims() {
    }

    static Map<String, Object> of(UserRow user, Set<String> scopes, List<String> groups) {
        Map<String, Object> claims = new LinkedHashMap<>();
        if (scopes.contains(OAuth2.PROFILE)) {
            putIfPresent(claims, "name", displayName(user));
            putIfPresent(claims, "given_name", user.firstName());
            putIfPresent(claims, "family_name", user.lastName());
            claims.put("preferred_username", user.username());
            if (user.updatedAt() != null) {
                claims.put("updated_at", user.updatedAt().toEpochSecond());
            }
        }
        if (scopes.contains(OAuth2.EMAIL) && user.email() != null) {
            claims.put("email", user.email());
            claims.put("email_verified", user.emailVerified());
        }
        if (scopes.contains(OAuth2.GROUPS)) {
            claims.put("groups", groups);
        }
        return claims;
    }

    private static String displayName(UserRow user) {
        if (user.displayName() != null && !user.displayName().isBlank()) {
            return user.displayName();
        }
        String full = ((user.firstName() == null ? "" : user.firstName()) + " "
                + (user.lastName() == null ? "" : user.lastName())).trim();
        return full.isEmpty() ? null : full;
    }

    private static void putIfPresent(Map<String, Object> claims, String name, String value) {
        if (value != null && !value.isBlank()) {
            claims.put(name, value);
        }
    }
}
