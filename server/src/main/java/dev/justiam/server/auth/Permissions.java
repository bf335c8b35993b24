package dev.justiam.server.auth;

import java.util.Collection;
import java.util.List;

/**
 * Permission names and how granted permissions match a required one: {@code *} grants everything,
 * {@code users.*} grants every permission of the users group, anything else must match exactly.
 */
public final class Permissions {

    public static final String ALL = "*";
    /** The contract's marker for operations that need no token. */
    public static final String PUBLIC = "public";
    /** The contract's marker for operations any signed-in user may call. */
    public static final String AUTHENTICATED = "authenticated";

    /** The catalogue of permissions an admin role may hold. */
    public static final List<String> CATALOGUE = List.of(
            "users.read", "users.create", "users.update", "users.delete",
            "groups.read", "groups.create", "groups.update", "groups.delete",
            "apps.read", "apps.create", "apps.update", "apps.delete",
            "roles.read", "roles.create", "roles.update", "roles.delete",
            "admin_roles.manage", "sessions.read", "sessions.revoke",
            "federated.manage", "audit.view");

    private Permissions() {
    }

    public static boolean grants(Collection<String> granted, String required) {
        for (String g : granted) {
            if (g.equals(ALL) || g.equals(required)) {
                return true;
            }
            if (g.endsWith(".*") && required.startsWith(g.substring(0, g.length() - 1))) {
                return true;
            }
        }
        return false;
    }
}
