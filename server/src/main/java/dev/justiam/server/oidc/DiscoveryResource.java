package dev.justiam.server.oidc;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.justiam.server.http.RequestContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Provider metadata: OIDC Discovery 1.0 §3 and RFC 8414 §2. Lists exactly what the server
 * implements; the issuer is the tenant's public URL.
 */
@Path("/.well-known")
public final class DiscoveryResource {

    private static final List<String> CLIENT_AUTH = List.of(OAuth2.CLIENT_SECRET_BASIC, OAuth2.CLIENT_SECRET_POST,
            OAuth2.PRIVATE_KEY_JWT, OAuth2.NONE);
    private static final List<String> CONFIDENTIAL_AUTH = List.of(OAuth2.CLIENT_SECRET_BASIC,
            OAuth2.CLIENT_SECRET_POST, OAuth2.PRIVATE_KEY_JWT);

    @Context
    private HttpServletRequest request;

    @GET
    @Path("openid-configuration")
    @Produces(MediaType.APPLICATION_JSON)
    public Response openidConfiguration() {
        return cached(metadata(RequestContext.of(request).publicUrl(), true));
    }

    @GET
    @Path("oauth-authorization-server")
    @Produces(MediaType.APPLICATION_JSON)
    public Response authorizationServer() {
        return cached(metadata(RequestContext.of(request).publicUrl(), false));
    }

    static Map<String, Object> metadata(String issuer, boolean oidc) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("issuer", issuer);
        m.put("authorization_endpoint", issuer + OAuth2.AUTHORIZE_PATH);
        m.put("token_endpoint", issuer + OAuth2.TOKEN_PATH);
        if (oidc) {
            m.put("userinfo_endpoint", issuer + OAuth2.USERINFO_PATH);
        }
        m.put("jwks_uri", issuer + OAuth2.JWKS_PATH);
        m.put("end_session_endpoint", issuer + OAuth2.LOGOUT_PATH);
        m.put("introspection_endpoint", issuer + OAuth2.INTROSPECT_PATH);
        m.put("revocation_endpoint", issuer + OAuth2.REVOKE_PATH);
        m.put("scopes_supported", OAuth2.SUPPORTED_SCOPES);
        m.put("response_types_supported", List.of(OAuth2.RESPONSE_TYPE_CODE));
        m.put("response_modes_supported", List.of(OAuth2.RESPONSE_MODE_QUERY, OAuth2.RESPONSE_MODE_FORM_POST));
        m.put("grant_types_supported", List.of(OAuth2.AUTHORIZATION_CODE, OAuth2.REFRESH_TOKEN,
                OAuth2.CLIENT_CREDENTIALS));
        m.put("code_challenge_methods_supported", List.of(OAuth2.S256));
        m.put("token_endpoint_auth_methods_supported", CLIENT_AUTH);
        m.put("token_endpoint_auth_signing_alg_values_supported", List.of("RS256"));
        m.put("introspection_endpoint_auth_methods_supported", CONFIDENTIAL_AUTH);
        m.put("introspection_endpoint_auth_signing_alg_values_supported", List.of("RS256"));
        m.put("revocation_endpoint_auth_methods_supported", CLIENT_AUTH);
        m.put("revocation_endpoint_auth_signing_alg_values_supported", List.of("RS256"));
        m.put("authorization_response_iss_parameter_supported", true);
        if (oidc) {
            m.put("subject_types_supported", List.of("public"));
            m.put("id_token_signing_alg_values_supported", List.of("RS256"));
            m.put("prompt_values_supported", List.of(OAuth2.PROMPT_NONE, OAuth2.PROMPT_LOGIN, OAuth2.PROMPT_CONSENT));
            m.put("claims_supported", List.of("iss", "sub", "aud", "exp", "iat", "auth_time", "nonce", "amr",
                    "azp", "sid", "at_hash", "name", "given_name", "family_name", "preferred_username", "updated_at",
                    "email", "email_verified", "groups"));
            m.put("claims_parameter_supported", false);
            m.put("request_parameter_supported", false);
            m.put("request_uri_parameter_supported", false);
            m.put("frontchannel_logout_supported", false);
            m.put("backchannel_logout_supported", false);
        }
        return m;
    }

    private static Response cached(Map<String, Object> body) {
        CacheControl cache = new CacheControl();
        cache.setMaxAge(300);
        return Response.ok(body).cacheControl(cache).build();
    }
}
