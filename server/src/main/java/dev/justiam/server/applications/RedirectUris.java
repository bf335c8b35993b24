package dev.justiam.server.applications;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/**
 * Rules for URLs an application registers: redirect URIs (RFC 6749 §3.1.2), post-logout redirect
 * URIs, SAML ACS and SLO URLs.
 */
public final class RedirectUris {

    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    private RedirectUris() {
    }

    /**
     * Null when acceptable, else the problem. RFC 6749 §3.1.2: absolute, no fragment. We also demand
     * https except on a loopback host (RFC 8252 §7.3 for native apps) and refuse a userinfo part,
     * which only serves to confuse people reading the URL (OAuth 2.0 Security BCP).
     */
    public static String problem(String value) {
        if (value == null || value.isBlank()) {
            return "must not be empty";
        }
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            return "is not a valid URI";
        }
        if (!uri.isAbsolute() || uri.getHost() == null) {
            return "must be an absolute URL with a host";
        }
        if (uri.getRawFragment() != null || value.contains("#")) {
            return "must not contain a fragment";
        }
        if (uri.getRawUserInfo() != null) {
            return "must not contain a user name or password";
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("https")) {
            return null;
        }
        if (scheme.equals("http") && LOOPBACK.contains(uri.getHost().toLowerCase(Locale.ROOT))) {
            return null;
        }
        return "must use https, or http on a loopback host";
    }

    /** For launch, logo and SAML URLs: absolute http(s), no fragment. */
    public static String webUrlProblem(String value) {
        if (value == null || value.isBlank()) {
            return "must not be empty";
        }
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
                return "must be an absolute http or https URL";
            }
            if (uri.getRawFragment() != null) {
                return "must not contain a fragment";
            }
            return null;
        } catch (URISyntaxException e) {
            return "is not a valid URL";
        }
    }
}
