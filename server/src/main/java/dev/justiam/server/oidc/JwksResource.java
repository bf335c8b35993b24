package dev.justiam.server.oidc;

import dev.justiam.server.http.RequestContext;
import dev.justiam.server.keys.SigningKeys;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The tenant's public signing keys (RFC 7517): next, active and retired-but-unexpired. */
@Path("/oauth2/jwks")
public final class JwksResource {

    private final SigningKeys keys;

    @Context
    private HttpServletRequest request;

    public JwksResource(SigningKeys keys) {
        this.keys = keys;
    }

    @GET
    @Produces({"application/jwk-set+json", MediaType.APPLICATION_JSON})
    public Response jwks() {
        RequestContext ctx = RequestContext.of(request);
        CacheControl cache = new CacheControl();
        cache.setMaxAge(60);
        return Response.ok(keys.publishedKeys(ctx.tenant().id()).toPublicJWKSet().toJSONObject(true))
                .type(MediaType.APPLICATION_JSON_TYPE).cacheControl(cache).build();
    }
}
