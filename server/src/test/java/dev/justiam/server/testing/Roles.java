package dev.justiam.server.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/**
 * Gives test users admin roles by writing the role tables directly, since the admin-roles API does
 * not exist yet. Roles are never built in, so the default administrator stays the only one.
 */
public final class Roles {

    private Roles() {
    }

    /** Creates a role holding these permissions and assigns it to a user or a group of the default tenant. */
    public static void grant(String subjectType, String subjectId, String... permissions) {
        try (Connection c = TestServer.shared().database().dataSource().getConnection()) {
            c.setAutoCommit(true);
            UUID tenantId = defaultTenant(c);
            UUID roleId = UUID.randomUUID();
            try (PreparedStatement role = c.prepareStatement(
                    "INSERT INTO admin_roles (id, tenant_id, name, permissions) VALUES (?, ?, ?, ?)")) {
                role.setObject(1, roleId);
                role.setObject(2, tenantId);
                role.setString(3, Api.unique("role"));
                role.setArray(4, c.createArrayOf("text", permissions));
                role.executeUpdate();
            }
            try (PreparedStatement assign = c.prepareStatement("INSERT INTO admin_role_assignments "
                    + "(id, tenant_id, role_id, subject_type, subject_id) VALUES (?, ?, ?, ?, ?)")) {
                assign.setObject(1, UUID.randomUUID());
                assign.setObject(2, tenantId);
                assign.setObject(3, roleId);
                assign.setString(4, subjectType);
                assign.setObject(5, UUID.fromString(subjectId));
                assign.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void grantUser(String userId, String... permissions) {
        grant("user", userId, permissions);
    }

    private static UUID defaultTenant(Connection c) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT id FROM tenants WHERE slug = 'default'");
                ResultSet rs = q.executeQuery()) {
            rs.next();
            return rs.getObject(1, UUID.class);
        }
    }
}
