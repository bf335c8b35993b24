package dev.justiam.server.tenancy;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

import dev.justiam.server.config.Config;

/**
 * Decides which tenant a request belongs to. Single mode: always the default tenant. Multi mode:
 * the first label of the Host under the base domain ({@code acme.example.com} -> {@code acme});
 * the bare base domain is the default tenant; any other host belongs to no tenant.
 */
public final class TenantResolver {

    private final Config config;
    private final TenantDirectory directory;

    public TenantResolver(Config config, TenantDirectory directory) {
        this.config = config;
        this.directory = directory;
    }

    public Optional<Tenant> resolve(String hostHeader) {
        if (config.mode() == Config.TenancyMode.SINGLE) {
            return directory.findBySlug(Tenant.DEFAULT_SLUG);
        }
        return slugFromHost(hostHeader).flatMap(directory::findBySlug);
    }

    Optional<String> slugFromHost(String hostHeader) {
        if (hostHeader == null || hostHeader.isBlank()) {
            return Optional.empty();
        }
        String host = hostWithoutPort(hostHeader.trim().toLowerCase(Locale.ROOT));
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        String base = config.baseDomain().orElseThrow();
        if (host.equals(base)) {
            return Optional.of(Tenant.DEFAULT_SLUG);
        }
        if (host.endsWith("." + base)) {
            String label = host.substring(0, host.length() - base.length() - 1);
            if (!label.isEmpty() && !label.contains(".")) {
                return Optional.of(label);
            }
        }
        return Optional.empty();
    }

    /**
     * The tenant's public base URL, which is also its OIDC issuer. Taken from JUSTIAM_PUBLIC_URL
     * when set (with the tenant's label in front in multi mode), otherwise from the request.
     */
    public String publicUrl(Tenant tenant, URI requestBase) {
        URI base = config.publicUrl().orElse(requestBase);
        String scheme = base.getScheme();
        String host = base.getHost();
        int port = base.getPort();
        if (config.mode() == Config.TenancyMode.MULTI && config.publicUrl().isPresent()
                && !Tenant.DEFAULT_SLUG.equals(tenant.slug())) {
            host = tenant.slug() + "." + host;
        }
        boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
        return scheme + "://" + host + (defaultPort ? "" : ":" + port);
    }

    private static String hostWithoutPort(String host) {
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            return end > 0 ? host.substring(0, end + 1) : host;
        }
        int colon = host.lastIndexOf(':');
        return colon > 0 ? host.substring(0, colon) : host;
    }
}
