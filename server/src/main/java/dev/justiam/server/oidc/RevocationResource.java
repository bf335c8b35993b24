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

/** Token revocation (RFC 7009). Public clients authenticate with their client_id alone. */
@Path("/oauth2/revoke")
public final class RevocationResource {

    private final Clients clients;
    private final TokenService tokens;

    @Context
    private HttpServletRequest request;

    public RevocationResource(Clients clients, TokenService tokens) {
        this.clients = clients;
        this.tokens = tokens;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public Response revoke(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            MultivaluedMap<String, String> form) {
        RequestContext ctx = RequestContext.of(request);
        Clients.Authenticated client = clients.authenticate(ctx, authorization, form, true);
        String token = Params.single(form, OAuth2.TOKEN);
        if (token == null) {
            throw OAuthErrors.badRequest(OAuth2.INVALID_REQUEST, "token is required");
        }
        // RFC 7009 §2.2: an invalid or unknown token is not an error; the answer is 200 either way.
        tokens.revoke(ctx, client.app(), token);
        return Response.ok().cacheControl(OAuthErrors.NO_STORE).build();
    }
}
