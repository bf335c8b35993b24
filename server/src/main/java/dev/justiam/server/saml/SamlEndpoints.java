package dev.justiam.server.saml;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The IdP's addresses for one application, under the tenant's public URL. The IdP entity ID is
 * the metadata URL, so each application sees an IdP of its own.
 */
record SamlEndpoints(String entityId, String sso, String slo, String metadata) {

    static SamlEndpoints of(String publicUrl, UUID applicationId) {
        String base = stripSlash(publicUrl) + "/saml/" + applicationId;
        return new SamlEndpoints(base + "/metadata", base + "/sso", base + "/slo", base + "/metadata");
    }

    /** The local path the sign-in page returns to, to resume a parked request. */
    static String continuePath(UUID applicationId, String pendingId) {
        return "/saml/" + applicationId + "/continue?id=" + pendingId;
    }

    /** The sign-in page's local path that returns to {@code returnTo}; forced sign-ins ask again. */
    static String signInPath(String returnTo, boolean forceLogin) {
        return "/login?return_to=" + URLEncoder.encode(returnTo, StandardCharsets.UTF_8)
                + (forceLogin ? "&prompt=login" : "");
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
