package dev.justiam.server.applications;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.text.ParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.type.TypeReference;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import dev.justiam.server.http.JsonMapperProvider;
import dev.justiam.server.http.ValidationErrors;

/** Checks a complete application before it is stored; field names match the API's. */
final class ApplicationRules {

    static final Set<String> GRANT_TYPES = Set.of("authorization_code", "refresh_token", "client_credentials");
    static final Set<String> AUTH_METHODS = Set.of("client_secret_basic", "client_secret_post", "private_key_jwt",
            "none");
    static final Set<String> ATTRIBUTE_SOURCES = Set.of("id", "username", "email", "first_name", "last_name",
            "display_name", "groups", "roles");
    private static final Pattern CLIENT_ID = Pattern.compile("^[A-Za-z0-9._:-]{1,200}$");
    /** RFC 6749 §3.3: scope-token = 1*( %x21 / %x23-5B / %x5D-7E ). */
    private static final Pattern SCOPE_TOKEN = Pattern.compile("^[\\x21\\x23-\\x5B\\x5D-\\x7E]{1,100}$");

    private ApplicationRules() {
    }

    static void validate(ApplicationRow app) {
        ValidationErrors errors = new ValidationErrors();
        text(errors, "name", app.name(), 200, true);
        text(errors, "description", app.description(), 1000, false);
        optionalUrl(errors, "logo_url", app.logoUrl());
        optionalUrl(errors, "launch_url", app.launchUrl());
        if (app.isOidc()) {
            validateOidc(errors, app);
        } else {
            validateSaml(errors, app);
        }
        errors.throwIfAny();
    }

    private static void validateOidc(ValidationErrors errors, ApplicationRow app) {
        if (!CLIENT_ID.matcher(app.clientId()).matches()) {
            errors.add("oidc.client_id", "must be 1 to 200 letters, digits or . _ : -");
        }
        boolean isPublic = app.isPublicClient();
        String method = app.tokenEndpointAuthMethod();
        if (!AUTH_METHODS.contains(method)) {
            errors.add("oidc.token_endpoint_auth_method", "is not supported");
        } else if (isPublic != method.equals("none")) {
            errors.add("oidc.token_endpoint_auth_method", isPublic
                    ? "must be none for a public client" : "must not be none for a confidential client");
        }
        if (isPublic && !app.pkceRequired()) {
            errors.add("oidc.pkce_required", "must be true for a public client");
        }
        List<String> grants = app.grantTypeList();
        if (grants.isEmpty() || !GRANT_TYPES.containsAll(grants)) {
            errors.add("oidc.grant_types", "must list supported grant types");
        }
        if (isPublic && grants.contains("client_credentials")) {
            errors.add("oidc.grant_types", "client_credentials needs a confidential client");
        }
        if (grants.contains("authorization_code") && app.redirectUriList().isEmpty()) {
            errors.add("oidc.redirect_uris", "must list at least one URI for the authorization_code grant");
        }
        uris(errors, "oidc.redirect_uris", app.redirectUriList());
        uris(errors, "oidc.post_logout_redirect_uris", app.postLogoutRedirectUriList());
        for (String scope : app.scopeList()) {
            if (scope == null || !SCOPE_TOKEN.matcher(scope).matches()) {
                errors.add("oidc.scopes", "each scope must be 1 to 100 printable characters without spaces or quotes");
            }
        }
        range(errors, "oidc.access_token_ttl", app.accessTokenTtl(), 60, 86_400);
        range(errors, "oidc.id_token_ttl", app.idTokenTtl(), 60, 86_400);
        range(errors, "oidc.refresh_token_ttl", app.refreshTokenTtl(), 300, 31_536_000);
        if ("private_key_jwt".equals(method)) {
            if (app.jwks() == null) {
                errors.add("oidc.jwks", "is required for private_key_jwt");
            } else {
                try {
                    if (JWKSet.parse(app.jwks()).getKeys().stream().noneMatch(k -> k instanceof RSAKey)) {
                        errors.add("oidc.jwks", "must hold at least one RSA public key");
                    }
                } catch (ParseException e) {
                    errors.add("oidc.jwks", "is not a JWK Set");
                }
            }
        }
    }

    private static void validateSaml(ValidationErrors errors, ApplicationRow app) {
        text(errors, "saml.entity_id", app.entityId(), 1024, true);
        if (app.acsUrlList().isEmpty()) {
            errors.add("saml.acs_urls", "must list at least one URL");
        }
        for (String url : app.acsUrlList()) {
            String problem = RedirectUris.webUrlProblem(url);
            if (problem != null) {
                errors.add("saml.acs_urls", "each URL " + problem);
            }
        }
        optionalUrl(errors, "saml.slo_url", app.sloUrl());
        if (NameIdFormat.fromUrn(app.nameIdFormat()).isEmpty()) {
            errors.add("saml.name_id_format", "is not supported");
        }
        if (app.spCertificate() != null && !isCertificate(app.spCertificate())) {
            errors.add("saml.sp_certificate", "must be an X.509 certificate in PEM");
        }
        if (app.requireSignedRequests() && app.spCertificate() == null) {
            errors.add("saml.sp_certificate", "is required when signed requests are required");
        }
        List<Map<String, String>> mappings = attributeMappings(app.attributeMappings());
        Set<String> names = new HashSet<>();
        for (Map<String, String> m : mappings) {
            String name = m.get("name");
            if (name == null || name.isBlank() || name.length() > 200 || !names.add(name)) {
                errors.add("saml.attribute_mappings", "names must be non-empty, at most 200 characters and unique");
            }
            if (!ATTRIBUTE_SOURCES.contains(m.get("source"))) {
                errors.add("saml.attribute_mappings", "source must be one of " + ATTRIBUTE_SOURCES);
            }
        }
    }

    static List<Map<String, String>> attributeMappings(String json) {
        try {
            return JsonMapperProvider.MAPPER.readValue(json == null ? "[]" : json,
                    new TypeReference<List<Map<String, String>>>() { });
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Stored attribute mappings are not JSON", e);
        }
    }

    private static boolean isCertificate(String pem) {
        try {
            CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
            return true;
        } catch (CertificateException | IllegalArgumentException e) {
            return false;
        }
    }

    private static void uris(ValidationErrors errors, String field, List<String> uris) {
        if (uris.size() > 50) {
            errors.add(field, "must list at most 50 URIs");
        }
        for (String uri : uris) {
            String problem = RedirectUris.problem(uri);
            if (problem != null) {
                errors.add(field, "each URI " + problem);
            }
        }
    }

    private static void optionalUrl(ValidationErrors errors, String field, String url) {
        if (url != null) {
            String problem = RedirectUris.webUrlProblem(url);
            if (problem != null) {
                errors.add(field, problem);
            }
        }
    }

    private static void text(ValidationErrors errors, String field, String value, int max, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.add(field, "is required");
            }
            return;
        }
        if (value.length() > max || value.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\t')) {
            errors.add(field, "must be at most " + max + " characters without control characters");
        }
    }

    private static void range(ValidationErrors errors, String field, int value, int min, int max) {
        if (value < min || value > max) {
            errors.add(field, "must be between " + min + " and " + max);
        }
    }
}
