package dev.justiam.server.auth;

import dev.justiam.api.AuthenticationApi;
import dev.justiam.api.model.LoginRequest;
import dev.justiam.api.model.TokenResponse;
import dev.justiam.server.http.Bodies;
import dev.justiam.server.http.RequestContext;
import dev.justiam.server.users.UserViews;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;

/** {@code /api/v1/auth}: password sign-in for the portal and sign-out. */
public final class AuthResource implements AuthenticationApi {

    private static final CacheControl NO_STORE = CacheControl.valueOf("no-store");

    private final AuthService auth;

    @Context
    private HttpServletRequest request;

    public AuthResource(AuthService auth) {
        this.auth = auth;
    }

    @Override
    public Response login(LoginRequest body) {
        Bodies.require(body);
        RequestContext ctx = RequestContext.of(request);
        AuthService.SignedIn signedIn = auth.login(ctx.actor(), ctx.publicUrl(), body.getLogin(), body.getPassword());
        TokenResponse response = new TokenResponse()
                .token(signedIn.token())
                .tokenType(TokenResponse.TokenTypeEnum.BEARER)
                .expiresIn(signedIn.expiresIn())
                .user(UserViews.toApi(signedIn.user()));
        return Response.ok(response).cacheControl(NO_STORE).build();
    }

    @Override
    public Response logout() {
        RequestContext ctx = RequestContext.of(request);
        auth.logout(ctx.actor(), ctx.principal().sessionId());
        return Response.noContent().build();
    }
}
