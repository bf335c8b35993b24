package dev.justiam.server.oidc;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.justiam.server.db.Database;
import dev.justiam.server.http.RequestContext;
import dev.justiam.server.users.UserMapper;
import dev.justiam.server.users.UserRow;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

/** The UserInfo endpoint (OIDC Core §5.3), GET and POST, with bearer tokens per RFC 6750. */
@Path("/oauth2/userinfo")
public final class UserinfoResource {

    private static final String BEARER_PREFIX = "bearer ";

    private final Database db;
    private final TokenService tokens;

    @Context
    private HttpServletRequest request;

    public UserinfoResource(Database db, TokenService tokens) {
        this.db = db;
        this.tokens = tokens;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response get(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return userinfo(authorization, new MultivaluedHashMap<>());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public Response post(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            MultivaluedMap<String, String> form) {
        return userinfo(authorization, form);
    }

    private Response userinfo(String authorization, MultivaluedMap<String, String> form) {
        RequestContext ctx = RequestContext.of(request);
        String issuer = ctx.publicUrl();
        String header = bearer(authorization);
        String body = Params.single(form, OAuth2.ACCESS_TOKEN);
        // RFC 6750 §2: a client MUST NOT use more than one method to send the token.
        if (header != null && body != null) {
            throw OAuthErrors.invalidToken(issuer, OAuth2.INVALID_REQUEST, "token sent more than once", 400);
        }
        String token = header != null ? header : body;
        if (token == null) {
            throw OAuthErrors.invalidToken(issuer, null, null, 401);
        }
        Optional<TokenRow> row = tokens.liveAccessToken(ctx, token);
        if (row.isEmpty() || row.get().userId() == null) {
            throw OAuthErrors.invalidToken(issuer, OAuth2.INVALID_TOKEN, "the access token is invalid", 401);
        }
        Set<String> scopes = Scopes.parse(row.get().scope());
        if (!scopes.contains(OAuth2.OPENID)) {
            throw OAuthErrors.invalidToken(issuer, OAuth2.INSUFFICIENT_SCOPE, "the openid scope is required", 403);
        }
        UserRow user = db.read(s -> s.getMapper(UserMapper.class).findUserById(ctx.tenant().id(),
                row.get().userId()));
        List<String> groups = scopes.contains(OAuth2.GROUPS)
                ? db.read(s -> s.getMapper(OidcMapper.class).findGroupNamesOfUser(ctx.tenant().id(), user.id()))
                : List.of();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", user.id().toString());
        claims.putAll(UserClaims.of(user, scopes, groups));
        return Response.ok(claims).cacheControl(OAuthErrors.NO_STORE).build();
    }

    private static String bearer(String header) {
        if (header == null || header.length() <= BEARER_PREFIX.length()
                || !header.substring(0, BEARER_PREFIX.length()).equalsIgnoreCase(BEARER_PREFIX)) {
            return null;
        }
        String token = header.substring(BEARER_PREFIX.length()).trim();
        return token.isEmpty() ? null : token;
    }
}
