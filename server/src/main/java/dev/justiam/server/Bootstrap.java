package dev.justiam.server;

import dev.justiam.server.config.Config;
import dev.justiam.server.tenancy.Tenant;
import dev.justiam.server.tenancy.TenantService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * First start: the default tenant with user {@code admin} holding the Administrator role. Its
 * password is JUSTIAM_ADMIN_PASSWORD, or a generated one printed once to the console (not to the
 * log). Later starts find the tenant and change nothing.
 */
final class Bootstrap {

    private static final Logger log = LoggerFactory.getLogger(Bootstrap.class);

    private final TenantService tenants;
    private final Config config;

    Bootstrap(TenantService tenants, Config config) {
        this.tenants = tenants;
        this.config = config;
    }

    void ensureDefaultTenant() {
        if (tenants.find(Tenant.DEFAULT_SLUG).isPresent()) {
            return;
        }
        TenantService.Created created;
        try {
            created = tenants.create(Tenant.DEFAULT_SLUG, "Default", "admin", config.adminPassword());
        } catch (IllegalArgumentException raced) {
            if (tenants.find(Tenant.DEFAULT_SLUG).isPresent()) {
                return; // another node created it at the same moment
            }
            throw raced;
        }
        log.info("Created the default tenant and its administrator 'admin'");
        created.generatedPassword().ifPresent(password -> {
            System.out.println();
            System.out.println("==============================================================");
            System.out.println(" JustIAM first start: sign in as 'admin' with this password.");
            System.out.println(" It is shown only this once; change it after signing in.");
            System.out.println();
            System.out.println("     " + password);
            System.out.println("==============================================================");
            System.out.println();
            System.out.flush();
        });
    }
}
