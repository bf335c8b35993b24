package dev.justiam.server.web;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import dev.justiam.server.auth.AuthService;
import dev.justiam.server.http.ApiException;
import dev.justiam.server.http.RequestContext;
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
 * The sign-in page. {@code GET /login?return_to=/local/path} shows the form (skipped when the
 * browser already has a session, unless {@code prompt=login}); {@code POST /login} checks the
 * password with the lockout policy, opens the SSO session and sends the browser back.
 */
@Path("/login")
public final class LoginResource {

    static final String PROMPT_LOGIN = "login";
    private static final String GENERIC_ERROR = "Invalid username or password.";
    private static final String LOCKED_ERROR = "Too many failed sign-ins. Your account is locked for a while; "
            + "try again later.";
    private static final String EXPIRED_FORM = "The form expired. Please sign in again.";

    private final AuthService auth;
    private final SsoSessions sessions;
    private final Pages pages;

    @Context
    private HttpServletRequest request;

    public LoginResource(AuthService auth, SsoSessions sessions, Pages pages) {
        this.auth = auth;
        this.sessions = sessions;
        this.pages = pages;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response form(@QueryParam("return_to") String returnTo, @QueryParam("login_hint") String loginHint,
            @QueryParam("prompt") String prompt) {
        RequestContext ctx = RequestContext.of(request);
        String target = LocalPaths.safe(returnTo);
        if (!PROMPT_LOGIN.equals(prompt) && sessions.current(request, ctx).isPresent()) {
            return Response.seeOther(URI.create(ctx.publicUrl() + target)).build();
        }
        return signInPage(ctx, 200, target, loginHint, null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response submit(@FormParam(Csrf.FIELD) String csrf, @FormParam("username") String username,
            @FormParam("password") String password, @FormParam("return_to") String returnTo) {
        RequestContext ctx = RequestContext.of(request);
        String target = LocalPaths.safe(returnTo);
        if (!Csrf.valid(request, csrf)) {
            return signInPage(ctx, 400, target, username, EXPIRED_FORM);
        }

        Optional<SsoSession> previous = sessions.current(request, ctx);
        String cookieValue = SsoSessions.newValue();
        try {
            auth.signIn(ctx.actor(), username, password, SsoSessions.hash(cookieValue), SsoSessions.LIFETIME);
        } catch (ApiException e) {
            boolean locked = e.status() == 429;
            return signInPage(ctx, locked ? 429 : 200, target, username, locked ? LOCKED_ERROR : GENERIC_ERROR);
        }

        // A new sign-in in this browser replaces the session it had.
        previous.ifPresent(p -> sessions.end(ctx.actor(), p.sessionId()));
        return Response.seeOther(URI.create(ctx.publicUrl() + target)).cookie(SsoSessions.cookie(ctx, cookieValue)).build();
    }

    private Response signInPage(RequestContext ctx, int status, String returnTo, String username, String error) {
        Csrf.Token csrf = Csrf.token(request, ctx);
        Map<String, Object> model = new HashMap<>();
        model.put("title", "Sign in");
        model.put("csrf", csrf.value());
        model.put("returnTo", returnTo);
        if (username != null && username.length() <= 256) {
            model.put("username", username);
        }
        if (error != null) {
            model.put("error", error);
        }
        return pages.render(ctx, status, Pages.SIGN_IN, model, csrf.cookie());
    }
}
