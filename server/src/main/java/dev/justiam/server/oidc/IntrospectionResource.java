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

/** Token introspection (RFC 7662): confidential clients ask about the tokens issued to them. */
@Path("/oauth2/introspect")
public final class IntrospectionResource {

    private final Clients clients;
    private final TokenService tokens;

    @Context
    private HttpServletRequest request;

    public IntrospectionResource(Clients clients, TokenService tokens) {
        this.clients = clients;
        this.tokens = tokens;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public Response introspect(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            MultivaluedMap<String, String> form) {
        RequestContext ctx = RequestContext.of(request);
        // RFC 7662 §2.1: the endpoint requires client authentication.
        Clients.Authenticated client = clients.authenticate(ctx, authorization, form, false);
        String token = Params.single(form, OAuth2.TOKEN);
        if (token == null) {
            throw OAuthErrors.badRequest(OAuth2.INVALID_REQUEST, "token is required");
        }
        return Response.ok(tokens.introspect(ctx, client.app(), token)).cacheControl(OAuthErrors.NO_STORE).build();
    }
}
