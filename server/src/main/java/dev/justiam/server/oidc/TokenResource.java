package dev.justiam.server.oidc;

import dev.justiam.server.http.RequestContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

/** The token endpoint (RFC 6749 §3.2): authorization_code, refresh_token and client_credentials. */
@Path("/oauth2/token")
public final class TokenResource {

    private final Clients clients;
    private final TokenService tokens;

    @Context
    private HttpServletRequest request;

    public TokenResource(Clients clients, TokenService tokens) {
        this.clients = clients;
        this.tokens = tokens;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public Response token(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            MultivaluedMap<String, String> form) {
        RequestContext ctx = RequestContext.of(request);
        // RFC 6749 §3.2: request parameters MUST NOT be included more than once.
        String repeated = Params.repeated(form);
        if (repeated != null) {
            throw OAuthErrors.badRequest(OAuth2.INVALID_REQUEST, repeated + " was sent more than once");
        }
        String grantType = Params.single(form, OAuth2.GRANT_TYPE);
        if (grantType == null) {
            throw OAuthErrors.badRequest(OAuth2.INVALID_REQUEST, "grant_type is required");
        }
        Clients.Authenticated client = clients.authenticate(ctx, authorization, form, true);

        if (!grantType.equals(OAuth2.AUTHORIZATION_CODE) && !grantType.equals(OAuth2.REFRESH_TOKEN)
                && !grantType.equals(OAuth2.CLIENT_CREDENTIALS)) {
            throw OAuthErrors.badRequest(OAuth2.UNSUPPORTED_GRANT_TYPE, "grant_type is not supported");
        }
        if (!Clients.grantTypes(client.app()).contains(grantType)) {
            throw OAuthErrors.badRequest(OAuth2.UNAUTHORIZED_CLIENT, "the client may not use this grant type");
        }

        TokenService.Issued issued = switch (grantType) {
            case OAuth2.AUTHORIZATION_CODE -> {
                String code = required(form, OAuth2.CODE);
                String redirectUri = required(form, OAuth2.REDIRECT_URI);
                yield tokens.redeemCode(ctx, client.app(), code, redirectUri, Params.single(form, OAuth2.CODE_VERIFIER));
            }
            case OAuth2.REFRESH_TOKEN -> tokens.refresh(ctx, client.app(), required(form, OAuth2.REFRESH_TOKEN),
                    Params.single(form, OAuth2.SCOPE));
            default -> {
                // RFC 6749 §4.4: only confidential clients may use client_credentials.
                if (client.app().isPublicClient()) {
                    throw OAuthErrors.badRequest(OAuth2.UNAUTHORIZED_CLIENT, "public clients cannot use this grant");
                }
                yield tokens.clientCredentials(ctx, client.app(), Params.single(form, OAuth2.SCOPE));
            }
        };
        // RFC 6749 §5.1: token responses MUST NOT be cached.
        return Response.ok(issued.toJson()).cacheControl(OAuthErrors.NO_STORE).header("Pragma", "no-cache").build();
    }

    /** RFC 6749 §3.2: the request is form-encoded; anything else is a malformed request, not a 415. */
    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response notForm() {
        throw OAuthErrors.badRequest(OAuth2.INVALID_REQUEST, "the request must be application/x-www-form-urlencoded");
    }

    private static String required(MultivaluedMap<String, String> form, String name) {
        String value = Params.single(form, name);
        if (value == null) {
            throw OAuthErrors.badRequest(OAuth2.INVALID_REQUEST, name + " is required");
        }
        return value;
    }
}
