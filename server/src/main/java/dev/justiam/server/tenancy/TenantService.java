package dev.justiam.server.tenancy;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import dev.justiam.server.audit.Actor;
import dev.justiam.server.audit.AuditLog;
import dev.justiam.server.auth.PasswordHasher;
import dev.justiam.server.auth.Permissions;
import dev.justiam.server.crypto.Secrets;
import dev.justiam.server.db.Constraints;
import dev.justiam.server.db.Database;
import dev.justiam.server.keys.SigningKeys;
import dev.justiam.server.roles.AdminRoleMapper;
import dev.justiam.server.users.UserMapper;
import dev.justiam.server.users.UserRow;

/**
 * Creating tenants: the tenant row, its signing keys, the built-in Administrator role ({@code *})
 * and its first administrator, all in one transaction.
 */
public final class TenantService {

    public static final String ADMINISTRATOR_ROLE = "Administrator";
    private static final Pattern SLUG = Pattern.compile("^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$");

    private final Database db;
    private final SigningKeys keys;
    private final PasswordHasher hasher;
    private final AuditLog audit;

    public TenantService(Database db, SigningKeys keys, PasswordHasher hasher, AuditLog audit) {
        this.db = db;
        this.keys = keys;
        this.hasher = hasher;
        this.audit = audit;
    }

    /** The result of creating a tenant; {@code generatedPassword} is set when none was given. */
    public record Created(Tenant tenant, UUID adminId, String adminUsername, Optional<String> generatedPassword) {
    }

    public Optional<Tenant> find(String slug) {
        return Optional.ofNullable(db.read(s -> s.getMapper(TenantMapper.class).findTenantBySlug(slug)));
    }

    public Created create(String slug, String name, String adminUsername, Optional<String> adminPassword) {
        if (!SLUG.matcher(slug).matches()) {
            throw new IllegalArgumentException("A tenant slug is 1 to 63 lower-case letters, digits or inner hyphens");
        }
        Optional<String> generated = adminPassword.isPresent() ? Optional.empty()
                : Optional.of(Secrets.randomToken(18));
        String password = adminPassword.orElseGet(generated::get);
        if (password.length() < 8) {
            throw new IllegalArgumentException("The administrator password must be at least 8 characters");
        }
        String hash = hasher.hash(password);
        UUID tenantId = Database.newId();
        UUID adminId = Database.newId();
        try {
            db.runInTransaction(s -> {
                s.getMapper(TenantMapper.class).insertTenant(tenantId, slug, name);
                keys.createInitialKeys(s, tenantId);
                UUID roleId = Database.newId();
                AdminRoleMapper roles = s.getMapper(AdminRoleMapper.class);
                roles.insertRole(roleId, tenantId, ADMINISTRATOR_ROLE, "Every permission in this tenant.",
                        new String[] {Permissions.ALL}, true);
                s.getMapper(UserMapper.class).insertUser(new UserRow(adminId, tenantId, adminUsername, null, false,
                        null, null, "Administrator", hash, UserRow.ACTIVE, 0, null, null, null, null));
                roles.insertAssignment(Database.newId(), tenantId, roleId, "user", adminId);
                Actor system = new Actor(tenantId, null, "system", null, null);
                audit.record(s, system.success("tenant.create", "tenant", tenantId, Map.of("slug", slug)));
                audit.record(s, system.success("user.create", "user", adminId,
                        Map.of("username", adminUsername, "role", ADMINISTRATOR_ROLE)));
            });
        } catch (RuntimeException e) {
            if (Constraints.uniqueViolation(e).isPresent()) {
                throw new IllegalArgumentException("A tenant with slug '" + slug + "' already exists");
            }
            throw e;
        }
        Tenant tenant = db.read(s -> s.getMapper(TenantMapper.class).findTenantById(tenantId));
        return new Created(tenant, adminId, adminUsername, generated);
    }
}
