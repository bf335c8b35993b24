package dev.justiam.server.applications;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * An application as stored: an OIDC client or a SAML service provider. Columns of the other
 * protocol are null or empty. Lists are stored as {@code text[]}; {@code attributeMappings} is the
 * JSON text of a list of {@code {"name", "source"}} objects.
 */
public record ApplicationRow(
        UUID id,
        UUID tenantId,
        String protocol,
        String name,
        String description,
        String logoUrl,
        String launchUrl,
        boolean enabled,
        boolean assignmentRequired,
        // OIDC
        String clientId,
        String clientSecretHash,
        String clientType,
        String tokenEndpointAuthMethod,
        String[] redirectUris,
        String[] postLogoutRedirectUris,
        String[] grantTypes,
        String[] scopes,
        boolean pkceRequired,
        boolean consentRequired,
        int accessTokenTtl,
        int idTokenTtl,
        int refreshTokenTtl,
        String jwks,
        String jwksUri,
        // SAML
        String entityId,
        String[] acsUrls,
        String sloUrl,
        String nameIdFormat,
        boolean signResponse,
        boolean signAssertion,
        String spCertificate,
        boolean requireSignedRequests,
        String attributeMappings,
        boolean idpInitiatedAllowed,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    public static final String OIDC = "oidc";
    public static final String SAML = "saml";
    public static final String PUBLIC = "public";
    public static final String CONFIDENTIAL = "confidential";
    /** The client id of the built-in account page's client, which every tenant has. */
    public static final String ACCOUNT_CLIENT_ID = "justiam-account";

    public boolean isOidc() {
        return OIDC.equals(protocol);
    }

    public boolean isSaml() {
        return SAML.equals(protocol);
    }

    /** The built-in account page's client: managed by the server, not through the API. */
    public boolean isBuiltIn() {
        return isOidc() && ACCOUNT_CLIENT_ID.equals(clientId);
    }

    public boolean isPublicClient() {
        return PUBLIC.equals(clientType);
    }

    public List<String> redirectUriList() {
        return list(redirectUris);
    }

    public List<String> postLogoutRedirectUriList() {
        return list(postLogoutRedirectUris);
    }

    public List<String> grantTypeList() {
        return list(grantTypes);
    }

    public List<String> scopeList() {
        return list(scopes);
    }

    public List<String> acsUrlList() {
        return list(acsUrls);
    }

    private static List<String> list(String[] values) {
        return values == null ? List.of() : Arrays.asList(values);
    }
}
