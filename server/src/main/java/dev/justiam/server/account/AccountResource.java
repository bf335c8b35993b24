package dev.justiam.server.account;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import dev.justiam.server.applications.ApplicationRow;
import dev.justiam.server.auth.Authenticator;
import dev.justiam.server.auth.PortalTokens;
import dev.justiam.server.auth.Principal;
import dev.justiam.server.crypto.Secrets;
import dev.justiam.server.http.ApiException;
import dev.justiam.server.http.ProtocolErrorException;
import dev.justiam.server.http.RequestContext;
import dev.justiam.server.oidc.FirstPartyClient;
import dev.justiam.server.oidc.OAuth2;
import dev.justiam.server.oidc.TokenService;
import dev.justiam.server.users.UserRow;
import dev.justiam.server.users.UserService;
import dev.justiam.server.web.Cookies;
import dev.justiam.server.web.Csrf;
import dev.justiam.server.web.Pages;
import dev.justiam.server.web.SsoSessions;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The account page. It is a relying party of this very server: without a portal token it signs in
 * through {@code /oauth2/authorize} with the built-in client ({@link FirstPartyClient}, PKCE), then
 * keeps a portal JWT naming the SSO session in an HttpOnly cookie. Ending that session (here, at
 * {@code /oauth2/logout} or through the Sessions API) ends the page's sign-in too.
 */
@Path("/account")
public final class AccountResource {

    static final String TOKEN_COOKIE = "justiam_account";
    static final String FLOW_COOKIE = "justiam_account_flow";
    private static final String COOKIE_PATH = "/account";
    private static final Duration FLOW_LIFETIME = Duration.ofMinutes(10);

    private final FirstPartyClient client;
    private final TokenService tokens;
    private final Authenticator authenticator;
    private final PortalTokens portalTokens;
    private final UserService users;
    private final SsoSessions sessions;
    private final Pages pages;

    @Context
    private HttpServletRequest request;

    public AccountResource(FirstPartyClient client, TokenService tokens, Authenticator authenticator,
            PortalTokens portalTokens, UserService users, SsoSessions sessions, Pages pages) {
        this.client = client;
        this.tokens = tokens;
        this.authenticator = authenticator;
        this.portalTokens = portalTokens;
        this.users = users;
        this.sessions = sessions;
        this.pages = pages;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response page() {
        RequestContext ctx = RequestContext.of(request);
        Principal me = signedIn(ctx);
        if (me == null) {
            return startSignIn(ctx);
        }
        UserRow user = users.get(ctx.tenant().id(), me.userId());
        Csrf.Token csrf = Csrf.token(request, ctx);
        Map<String, Object> model = new HashMap<>();
        model.put("title", "Your account");
        model.put("username", user.username());
        model.put("name", user.displayName());
        model.put("email", user.email());
        model.put("csrf", csrf.value());
        return pages.render(ctx, 200, Pages.ACCOUNT, model, csrf.cookie());
    }

    @GET
    @Path("callback")
    @Produces(MediaType.TEXT_HTML)
    public Response callback(@QueryParam(OAuth2.CODE) String code, @QueryParam(OAuth2.STATE) String state,
            @QueryParam(OAuth2.ERROR) String error) {
        RequestContext ctx = RequestContext.of(request);
        String flow = Cookies.read(request, FLOW_COOKIE);
        String[] parts = flow == null ? new String[0] : flow.split("\\.");
        if (parts.length != 2 || state == null || !Secrets.constantTimeEquals(parts[0], state)) {
            return pages.error(ctx, 400, "Sign-in failed", "The sign-in took too long or was started elsewhere. "
                    + "Open the account page again.");
        }
        if (error != null || code == null) {
            return pages.error(ctx, 400, "Sign-in failed", "Signing in to the account page did not complete.");
        }
        ApplicationRow app = client.ensure(ctx);
        TokenService.Issued issued;
        try {
            issued = tokens.redeemCode(ctx, app, code, FirstPartyClient.redirectUri(ctx), parts[1]);
        } catch (ProtocolErrorException e) {
            return pages.error(ctx, 400, "Sign-in failed", "Signing in to the account page did not complete.");
        }
        Instant expires = Instant.now().plus(portalTokens.lifetime());
        String portal = portalTokens.issue(ctx.publicUrl(), ctx.tenant().id(), issued.userId(), issued.sessionId(),
                expires);
        return Response.seeOther(URI.create(ctx.publicUrl() + COOKIE_PATH))
                .cookie(Cookies.set(ctx, TOKEN_COOKIE, portal, COOKIE_PATH, portalTokens.lifetime()),
                        Cookies.clear(ctx, FLOW_COOKIE, COOKIE_PATH))
                .build();
    }

    @POST
    @Path("logout")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response logout(@FormParam(Csrf.FIELD) String csrf) {
        RequestContext ctx = RequestContext.of(request);
        if (!Csrf.valid(request, csrf)) {
            return pages.error(ctx, 400, "Sign-out failed", "The form expired. Open the account page again.");
        }
        Principal me = signedIn(ctx);
        if (me != null) {
            sessions.end(ctx.actor().as(me.userId(), me.username()), me.sessionId());
            tokens.revokeSessionTokens(ctx.tenant().id(), me.sessionId());
        }
        return pages.render(ctx, 200, Pages.MESSAGE, Map.of("title", "Signed out", "message", "You are signed out.",
                "link", COOKIE_PATH, "linkText", "Sign in again"),
                Cookies.clear(ctx, TOKEN_COOKIE, COOKIE_PATH), SsoSessions.clearCookie(ctx));
    }

    private Principal signedIn(RequestContext ctx) {
        String token = Cookies.read(request, TOKEN_COOKIE);
        if (token == null) {
            return null;
        }
        try {
            return authenticator.authenticate(ctx, "Bearer " + token);
        } catch (ApiException e) {
            return null;
        }
    }

    /** Authorization code flow with PKCE against ourselves; state and verifier wait in a short cookie. */
    private Response startSignIn(RequestContext ctx) {
        client.ensure(ctx);
        String state = Secrets.randomToken(24);
        String verifier = Secrets.randomToken(48);
        String challenge = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(Secrets.sha256(verifier.getBytes(StandardCharsets.US_ASCII)));
        String url = ctx.publicUrl() + OAuth2.AUTHORIZE_PATH
                + "?" + OAuth2.RESPONSE_TYPE + "=" + OAuth2.RESPONSE_TYPE_CODE
                + "&" + OAuth2.CLIENT_ID + "=" + enc(FirstPartyClient.CLIENT_ID)
                + "&" + OAuth2.REDIRECT_URI + "=" + enc(FirstPartyClient.redirectUri(ctx))
                + "&" + OAuth2.SCOPE + "=" + enc(OAuth2.OPENID + " " + OAuth2.PROFILE + " " + OAuth2.EMAIL)
                + "&" + OAuth2.STATE + "=" + state
                + "&" + OAuth2.CODE_CHALLENGE + "=" + challenge
                + "&" + OAuth2.CODE_CHALLENGE_METHOD + "=" + OAuth2.S256;
        return Response.seeOther(URI.create(url))
                .cookie(Cookies.set(ctx, FLOW_COOKIE, state + "." + verifier, COOKIE_PATH, FLOW_LIFETIME))
                .header("Cache-Control", "no-store").build();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
