package dev.justiam.server.applications;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.justiam.api.model.ApplicationCreate;
import dev.justiam.api.model.ApplicationUpdate;
import dev.justiam.api.model.OidcSettings;
import dev.justiam.api.model.SamlAttributeMapping;
import dev.justiam.api.model.SamlSettings;
import dev.justiam.server.crypto.Secrets;
import dev.justiam.server.http.JsonMapperProvider;
import dev.justiam.server.http.ValidationErrors;
import dev.justiam.server.users.UserFields;

/**
 * Turns API requests into complete application rows: a create applies the documented defaults, an
 * update lays the fields present over the stored row. Validation happens afterwards on the result.
 */
public final class ApplicationDrafts {

    static final List<String> DEFAULT_SCOPES = List.of("openid", "profile", "email", "groups");
    static final List<String> DEFAULT_GRANTS = List.of("authorization_code", "refresh_token");

    private ApplicationDrafts() {
    }

    public static ApplicationRow fromCreate(UUID tenantId, ApplicationCreate in) {
        if (in.getProtocol() == null) {
            throw ValidationErrors.single("protocol", "is required");
        }
        boolean oidc = in.getProtocol().toString().equals(ApplicationRow.OIDC);
        if (oidc && in.getSaml() != null || !oidc && in.getOidc() != null) {
            throw ValidationErrors.single(oidc ? "saml" : "oidc", "does not apply to this protocol");
        }
        ApplicationRow base = oidc ? oidcDefaults(tenantId, in.getOidc()) : samlDefaults(tenantId);
        ApplicationRow named = with(base, in.getName(), in.getDescription(), in.getLogoUrl(), in.getLaunchUrl(),
                in.getEnabled() == null || in.getEnabled(), Boolean.TRUE.equals(in.getAssignmentRequired()));
        return oidc ? mergeOidc(named, in.getOidc()) : mergeSaml(named, in.getSaml());
    }

    public static ApplicationRow merge(ApplicationRow current, ApplicationUpdate in) {
        if (current.isOidc() && in.getSaml() != null || current.isSaml() && in.getOidc() != null) {
            throw ValidationErrors.single(current.isOidc() ? "saml" : "oidc", "does not apply to this protocol");
        }
        if (in.getOidc() != null && in.getOidc().getClientId() != null
                && !in.getOidc().getClientId().equals(current.clientId())) {
            throw ValidationErrors.single("oidc.client_id", "cannot change");
        }
        ApplicationRow named = with(current,
                in.getName() != null ? in.getName() : current.name(),
                in.getDescription() != null ? in.getDescription() : current.description(),
                in.getLogoUrl() != null ? in.getLogoUrl() : current.logoUrl(),
                in.getLaunchUrl() != null ? in.getLaunchUrl() : current.launchUrl(),
                in.getEnabled() != null ? in.getEnabled() : current.enabled(),
                in.getAssignmentRequired() != null ? in.getAssignmentRequired() : current.assignmentRequired());
        return current.isOidc() ? mergeOidc(named, in.getOidc()) : mergeSaml(named, in.getSaml());
    }

    private static ApplicationRow oidcDefaults(UUID tenantId, OidcSettings in) {
        boolean isPublic = in != null && in.getClientType() == OidcSettings.ClientTypeEnum.PUBLIC;
        String clientId = in != null && in.getClientId() != null ? in.getClientId() : Secrets.randomToken(16);
        return new ApplicationRow(UUID.randomUUID(), tenantId, ApplicationRow.OIDC, null, null, null, null, true, false,
                clientId, null, isPublic ? ApplicationRow.PUBLIC : ApplicationRow.CONFIDENTIAL,
                isPublic ? "none" : "client_secret_basic", new String[0], new String[0],
                DEFAULT_GRANTS.toArray(String[]::new), DEFAULT_SCOPES.toArray(String[]::new), true, false, 300, 300,
                2_592_000, null, null, null, new String[0], null, null, true, true, null, false, "[]", false,
                null, null);
    }

    private static ApplicationRow samlDefaults(UUID tenantId) {
        return new ApplicationRow(UUID.randomUUID(), tenantId, ApplicationRow.SAML, null, null, null, null, true,
                false, null, null, null, null, new String[0], new String[0], new String[0], new String[0], false,
                false, 300, 300, 2_592_000, null, null, null, new String[0], null, NameIdFormat.EMAIL.urn(), true,
                true, null, false, "[]", false, null, null);
    }

    private static ApplicationRow with(ApplicationRow a, String name, String description, String logoUrl,
            String launchUrl, boolean enabled, boolean assignmentRequired) {
        return new ApplicationRow(a.id(), a.tenantId(), a.protocol(), name == null ? null : name.trim(),
                UserFields.blankToNull(description), UserFields.blankToNull(logoUrl), UserFields.blankToNull(launchUrl),
                enabled, assignmentRequired, a.clientId(), a.clientSecretHash(), a.clientType(),
                a.tokenEndpointAuthMethod(), a.redirectUris(), a.postLogoutRedirectUris(), a.grantTypes(), a.scopes(),
                a.pkceRequired(), a.consentRequired(), a.accessTokenTtl(), a.idTokenTtl(), a.refreshTokenTtl(),
                a.jwks(), a.jwksUri(), a.entityId(), a.acsUrls(), a.sloUrl(), a.nameIdFormat(), a.signResponse(),
                a.signAssertion(), a.spCertificate(), a.requireSignedRequests(), a.attributeMappings(),
                a.idpInitiatedAllowed(), a.createdAt(), a.updatedAt());
    }

    private static ApplicationRow mergeOidc(ApplicationRow a, OidcSettings in) {
        if (in == null) {
            return a;
        }
        String clientType = in.getClientType() != null ? in.getClientType().toString() : a.clientType();
        String method = in.getTokenEndpointAuthMethod() != null ? in.getTokenEndpointAuthMethod().toString()
                : in.getClientType() != null ? (clientType.equals(ApplicationRow.PUBLIC) ? "none" : defaultMethod(a))
                : a.tokenEndpointAuthMethod();
        String[] grants = in.getGrantTypes() != null
                ? in.getGrantTypes().stream().map(Object::toString).distinct().toArray(String[]::new) : a.grantTypes();
        return new ApplicationRow(a.id(), a.tenantId(), a.protocol(), a.name(), a.description(), a.logoUrl(),
                a.launchUrl(), a.enabled(), a.assignmentRequired(), a.clientId(), a.clientSecretHash(), clientType,
                method, array(in.getRedirectUris(), a.redirectUris()),
                array(in.getPostLogoutRedirectUris(), a.postLogoutRedirectUris()), grants,
                array(in.getScopes(), a.scopes()), or(in.getPkceRequired(), a.pkceRequired()),
                or(in.getConsentRequired(), a.consentRequired()), or(in.getAccessTokenTtl(), a.accessTokenTtl()),
                or(in.getIdTokenTtl(), a.idTokenTtl()), or(in.getRefreshTokenTtl(), a.refreshTokenTtl()),
                in.getJwks() != null ? UserFields.blankToNull(in.getJwks()) : a.jwks(), a.jwksUri(), null,
                new String[0], null, null, true, true, null, false, "[]", false, a.createdAt(), a.updatedAt());
    }

    private static ApplicationRow mergeSaml(ApplicationRow a, SamlSettings in) {
        if (in == null) {
            return a;
        }
        String format = a.nameIdFormat();
        if (in.getNameIdFormat() != null) {
            format = NameIdFormat.fromShortName(in.getNameIdFormat().toString()).orElseThrow().urn();
        }
        return new ApplicationRow(a.id(), a.tenantId(), a.protocol(), a.name(), a.description(), a.logoUrl(),
                a.launchUrl(), a.enabled(), a.assignmentRequired(), null, null, null, null, new String[0],
                new String[0], new String[0], new String[0], false, false, a.accessTokenTtl(), a.idTokenTtl(),
                a.refreshTokenTtl(), null, null,
                in.getEntityId() != null ? in.getEntityId().trim() : a.entityId(),
                array(in.getAcsUrls(), a.acsUrls()),
                in.getSloUrl() != null ? UserFields.blankToNull(in.getSloUrl()) : a.sloUrl(), format,
                or(in.getSignResponse(), a.signResponse()), or(in.getSignAssertion(), a.signAssertion()),
                in.getSpCertificate() != null ? UserFields.blankToNull(in.getSpCertificate()) : a.spCertificate(),
                or(in.getRequireSignedRequests(), a.requireSignedRequests()),
                in.getAttributeMappings() != null ? mappingsJson(in.getAttributeMappings()) : a.attributeMappings(),
                or(in.getIdpInitiatedAllowed(), a.idpInitiatedAllowed()), a.createdAt(), a.updatedAt());
    }

    private static String defaultMethod(ApplicationRow a) {
        return a.tokenEndpointAuthMethod() == null || a.tokenEndpointAuthMethod().equals("none")
                ? "client_secret_basic" : a.tokenEndpointAuthMethod();
    }

    private static String mappingsJson(List<SamlAttributeMapping> mappings) {
        List<Map<String, String>> plain = new ArrayList<>();
        for (SamlAttributeMapping m : mappings) {
            if (m == null) {
                throw ValidationErrors.single("saml.attribute_mappings", "must not contain null");
            }
            Map<String, String> entry = new HashMap<>();
            entry.put("name", m.getName());
            entry.put("source", m.getSource() == null ? null : m.getSource().toString());
            plain.add(entry);
        }
        try {
            return JsonMapperProvider.MAPPER.writeValueAsString(plain);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String[] array(List<String> values, String[] fallback) {
        if (values == null) {
            return fallback;
        }
        if (values.contains(null)) {
            throw ValidationErrors.single("list", "must not contain null");
        }
        return values.stream().map(String::trim).distinct().toArray(String[]::new);
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
