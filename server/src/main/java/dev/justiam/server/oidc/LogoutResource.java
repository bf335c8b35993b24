package dev.justiam.server.oidc;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.justiam.server.applications.ApplicationRow;
import dev.justiam.server.http.RequestContext;
import dev.justiam.server.web.Csrf;
import dev.justiam.server.web.Pages;
import dev.justiam.server.web.SsoSession;
import dev.justiam.server.web.SsoSessions;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * RP-Initiated Logout 1.0. With a valid {@code id_token_hint} for this browser's session the
 * session ends at once; otherwise the person confirms on a page first, so another site cannot sign
 * them out. Afterwards the browser goes to a registered {@code post_logout_redirect_uri} (with
 * {@code state}) or sees a signed-out page.
 */
@Path("/oauth2/logout")
public final class LogoutResource {

    private static final List<String> FORWARDED = List.of(OAuth2.ID_TOKEN_HINT, OAuth2.CLIENT_ID,
            OAuth2.POST_LOGOUT_REDIRECT_URI, OAuth2.STATE);

    private final Clients clients;
    private final TokenIssuer issuer;
    private final TokenService tokens;
    private final SsoSessions sessions;
    private final Pages pages;

    @Context
    private HttpServletRequest request;

    public LogoutResource(Clients clients, TokenIssuer issuer, TokenService tokens, SsoSessions sessions,
            Pages pages) {
        this.clients = clients;
        this.issuer = issuer;
        this.tokens = tokens;
        this.sessions = sessions;
        this.pages = pages;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response get(@Context UriInfo uri) {
        return logout(uri.getQueryParameters(), false);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response post(MultivaluedMap<String, String> form) {
        boolean confirmed = "yes".equals(Params.single(form, "confirm"))
                && Csrf.valid(request, Params.single(form, Csrf.FIELD));
        return logout(form, confirmed);
    }

    private Response logout(MultivaluedMap<String, String> params, boolean confirmed) {
        RequestContext ctx = RequestContext.of(request);
        Optional<JWTClaimsSet> hint = issuer.verifyIdTokenHint(ctx.publicUrl(), ctx.tenant().id(),
                Params.single(params, OAuth2.ID_TOKEN_HINT));
        String rawHint = Params.single(params, OAuth2.ID_TOKEN_HINT);
        // RP-Initiated Logout §2: a hint this provider did not issue is an error, not something to ignore.
        if (rawHint != null && hint.isEmpty()) {
            return pages.error(ctx, 400, "Sign-out failed",
                    "The sign-out request carries an ID token this server did not issue or that is malformed.");
        }
        String clientId = Params.single(params, OAuth2.CLIENT_ID);
        String hintClient = hint.map(h -> h.getAudience().size() == 1 ? h.getAudience().get(0) : null).orElse(null);
        // RP-Initiated Logout §2: client_id, when sent with a hint, must be the hint's audience.
        if (clientId != null && hintClient != null && !clientId.equals(hintClient)) {
            return pages.error(ctx, 400, "Sign-out failed", "The sign-out request names two different applications.");
        }
        Optional<ApplicationRow> app = clients.find(ctx.tenant().id(), clientId != null ? clientId : hintClient);
        String postLogout = Params.single(params, OAuth2.POST_LOGOUT_REDIRECT_URI);
        // RP-Initiated Logout §3: only a post_logout_redirect_uri registered for the client is used.
        if (postLogout != null
                && (app.isEmpty() || !Clients.postLogoutRedirectUriAllowed(ctx, app.get(), postLogout))) {
            return pages.error(ctx, 400, "Sign-out failed",
                    "The address to return to after signing out is not registered for this application.");
        }

        Optional<SsoSession> session = sessions.current(request, ctx);
        if (session.isPresent() && !confirmed && !hintMatches(hint, session.get())) {
            return confirmationPage(ctx, session.get(), params);
        }
        session.ifPresent(s -> {
            sessions.end(ctx.actor().as(s.userId(), s.username()), s.sessionId());
            tokens.revokeSessionTokens(ctx.tenant().id(), s.sessionId());
        });
        return done(ctx, postLogout, Params.single(params, OAuth2.STATE));
    }

    private static boolean hintMatches(Optional<JWTClaimsSet> hint, SsoSession session) {
        if (hint.isEmpty()) {
            return false;
        }
        Object sid = hint.get().getClaim("sid");
        return session.userId().toString().equals(hint.get().getSubject())
                && (sid == null || session.sessionId().toString().equals(sid));
    }

    private Response confirmationPage(RequestContext ctx, SsoSession session, MultivaluedMap<String, String> params) {
        Csrf.Token csrf = Csrf.token(request, ctx);
        List<Map<String, String>> hidden = new ArrayList<>();
        for (String name : FORWARDED) {
            String v = Params.single(params, name);
            if (v != null) {
                hidden.add(Map.of("name", name, "value", v));
            }
        }
        Map<String, Object> model = new HashMap<>();
        model.put("title", "Sign out");
        model.put("username", session.username());
        model.put("params", hidden);
        model.put("csrf", csrf.value());
        return pages.render(ctx, 200, Pages.SIGN_OUT, model, csrf.cookie());
    }

    private Response done(RequestContext ctx, String postLogout, String state) {
        if (postLogout != null) {
            String target = postLogout;
            if (state != null) {
                target += (postLogout.contains("?") ? "&" : "?") + OAuth2.STATE + "="
                        + URLEncoder.encode(state, StandardCharsets.UTF_8);
            }
            return Response.seeOther(URI.create(target)).cookie(SsoSessions.clearCookie(ctx)).build();
        }
        return pages.render(ctx, 200, Pages.MESSAGE, Map.of("title", "Signed out",
                "message", "You are signed out.", "link", "/account", "linkText", "Sign in again"),
                SsoSessions.clearCookie(ctx));
    }
}
