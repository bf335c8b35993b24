package dev.justiam.server.oidc;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

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
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The authorization endpoint (RFC 6749 §3.1, OIDC Core §3.1.2), GET and POST, and the consent
 * form it shows. Responses carry {@code iss} (RFC 9207) and go back by query or form post.
 */
@Path("/oauth2")
public final class AuthorizeResource {

    private static final Logger log = LoggerFactory.getLogger(AuthorizeResource.class);
    private static final Set<String> NOT_FORWARDED = Set.of(Csrf.FIELD, "decision");

    private final AuthorizeService authorize;
    private final TokenService tokens;
    private final SsoSessions sessions;
    private final Pages pages;

    @Context
    private HttpServletRequest request;

    public AuthorizeResource(AuthorizeService authorize, TokenService tokens, SsoSessions sessions, Pages pages) {
        this.authorize = authorize;
        this.tokens = tokens;
        this.sessions = sessions;
        this.pages = pages;
    }

    @GET
    @Path("authorize")
    @Produces(MediaType.TEXT_HTML)
    public Response authorizeGet(@Context UriInfo uri) {
        return handle(uri.getQueryParameters());
    }

    @POST
    @Path("authorize")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response authorizePost(MultivaluedMap<String, String> form) {
        return handle(form);
    }

    @POST
    @Path("consent")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response consent(MultivaluedMap<String, String> form) {
        RequestContext ctx = RequestContext.of(request);
        if (!Csrf.valid(request, Params.single(form, Csrf.FIELD))) {
            return pages.error(ctx, 400, "Request expired", "The consent form expired. Go back to the application "
                    + "and sign in again.");
        }
        MultivaluedMap<String, String> params = forwarded(form);
        try {
            AuthorizationRequest req = authorize.validate(ctx, params);
            Optional<SsoSession> session = sessions.current(request, ctx);
            if (session.isEmpty()) {
                return toLogin(ctx, req, false);
            }
            if (!"allow".equals(Params.single(form, "decision"))) {
                throw AuthorizeException.redirect(req, OAuth2.ACCESS_DENIED, "the user denied access");
            }
            authorize.recordConsent(ctx, req, session.get());
            return issueCode(ctx, req, session.get());
        } catch (AuthorizeException e) {
            return failure(ctx, e);
        }
    }

    private Response handle(MultivaluedMap<String, String> params) {
        RequestContext ctx = RequestContext.of(request);
        AuthorizationRequest req = null;
        try {
            req = authorize.validate(ctx, params);
            SsoSession session = sessions.current(request, ctx).orElse(null);
            if (authorize.needsLogin(req, session)) {
                // OIDC Core §3.1.2.6: prompt=none must not show the sign-in page.
                if (req.prompt().contains(OAuth2.PROMPT_NONE)) {
                    throw AuthorizeException.redirect(req, OAuth2.LOGIN_REQUIRED, "the user is not signed in");
                }
                return toLogin(ctx, req, session != null);
            }
            return switch (authorize.decide(ctx, req, session)) {
                case ISSUE_CODE -> issueCode(ctx, req, session);
                case CONSENT -> consentPage(ctx, req, session);
                case LOGIN -> toLogin(ctx, req, true);
            };
        } catch (AuthorizeException e) {
            return failure(ctx, e);
        } catch (RuntimeException e) {
            if (req == null) {
                throw e;
            }
            // RFC 6749 §4.1.2.1: once the client is trusted, even an unexpected failure goes back to it.
            String errorId = UUID.randomUUID().toString();
            log.error("Authorization request failed, error_id={}", errorId, e);
            return failure(ctx, AuthorizeException.redirect(req, OAuth2.SERVER_ERROR, "error_id " + errorId));
        }
    }

    private Response issueCode(RequestContext ctx, AuthorizationRequest req, SsoSession session) {
        String code = tokens.issueCode(ctx, req.app(), session, req.redirectUri(), req.scope(), req.nonce(),
                req.codeChallenge());
        sessions.recordApplication(ctx.tenant().id(), session.sessionId(), req.app().id());
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(OAuth2.CODE, code);
        if (req.state() != null) {
            fields.put(OAuth2.STATE, req.state());
        }
        fields.put(OAuth2.ISS, ctx.publicUrl());
        return respond(ctx, req.redirectUri(), req.responseMode(), fields);
    }

    /**
     * Sends the browser to the sign-in page, which comes back here afterwards. A forced sign-in
     * (prompt=login, max_age) is not asked for again on the way back.
     */
    private Response toLogin(RequestContext ctx, AuthorizationRequest req, boolean force) {
        MultivaluedMap<String, String> back = new MultivaluedHashMap<>();
        req.params().forEach((k, v) -> back.put(k, new ArrayList<>(v)));
        List<String> prompt = new ArrayList<>(req.prompt());
        prompt.remove(OAuth2.PROMPT_LOGIN);
        if (prompt.isEmpty()) {
            back.remove(OAuth2.PROMPT);
        } else {
            back.putSingle(OAuth2.PROMPT, String.join(" ", prompt));
        }
        back.remove(OAuth2.MAX_AGE);
        String returnTo = OAuth2.AUTHORIZE_PATH + "?" + encode(back);
        StringBuilder login = new StringBuilder(ctx.publicUrl()).append("/login?return_to=")
                .append(URLEncoder.encode(returnTo, StandardCharsets.UTF_8));
        if (req.loginHint() != null) {
            login.append("&login_hint=").append(URLEncoder.encode(req.loginHint(), StandardCharsets.UTF_8));
        }
        if (force) {
            login.append("&prompt=login");
        }
        return Response.seeOther(URI.create(login.toString())).build();
    }

    private Response consentPage(RequestContext ctx, AuthorizationRequest req, SsoSession session) {
        Csrf.Token csrf = Csrf.token(request, ctx);
        List<Map<String, String>> hidden = new ArrayList<>();
        req.params().forEach((k, v) -> {
            if (!NOT_FORWARDED.contains(k) && !v.isEmpty()) {
                hidden.add(Map.of("name", k, "value", v.get(0)));
            }
        });
        List<String> described = req.scopes().stream().map(AuthorizeResource::describe).toList();
        Map<String, Object> model = new HashMap<>();
        model.put("title", "Allow access");
        model.put("clientName", req.app().name());
        model.put("username", session.username());
        model.put("scopes", described);
        model.put("params", hidden);
        model.put("csrf", csrf.value());
        return pages.render(ctx, 200, Pages.CONSENT, model, csrf.cookie());
    }

    private Response failure(RequestContext ctx, AuthorizeException e) {
        if (!e.redirects()) {
            return pages.error(ctx, 400, "This sign-in request cannot be served", e.description);
        }
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(OAuth2.ERROR, e.error);
        if (e.description != null) {
            fields.put(OAuth2.ERROR_DESCRIPTION, e.description);
        }
        if (e.state != null) {
            fields.put(OAuth2.STATE, e.state);
        }
        fields.put(OAuth2.ISS, ctx.publicUrl());
        return respond(ctx, e.redirectUri, e.responseMode, fields);
    }

    private Response respond(RequestContext ctx, String redirectUri, String mode, Map<String, String> fields) {
        if (OAuth2.RESPONSE_MODE_FORM_POST.equals(mode)) {
            return pages.formPost(ctx, redirectUri, fields);
        }
        MultivaluedMap<String, String> query = new MultivaluedHashMap<>();
        fields.forEach(query::putSingle);
        String sep = redirectUri.contains("?") ? "&" : "?";
        return Response.status(Response.Status.FOUND).location(URI.create(redirectUri + sep + encode(query)))
                .header("Cache-Control", "no-store").build();
    }

    private static MultivaluedMap<String, String> forwarded(MultivaluedMap<String, String> form) {
        MultivaluedMap<String, String> out = new MultivaluedHashMap<>();
        form.forEach((k, v) -> {
            if (!NOT_FORWARDED.contains(k)) {
                out.put(k, new ArrayList<>(v));
            }
        });
        return out;
    }

    private static String encode(MultivaluedMap<String, String> params) {
        StringBuilder b = new StringBuilder();
        params.forEach((k, values) -> {
            for (String v : values) {
                if (b.length() > 0) {
                    b.append('&');
                }
                b.append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
                        .append(URLEncoder.encode(v == null ? "" : v, StandardCharsets.UTF_8));
            }
        });
        return b.toString();
    }

    private static String describe(String scope) {
        return switch (scope) {
            case OAuth2.OPENID -> "Know who you are";
            case OAuth2.PROFILE -> "See your name and username";
            case OAuth2.EMAIL -> "See your email address";
            case OAuth2.GROUPS -> "See the groups you belong to";
            default -> "Use the permission \"" + scope + "\"";
        };
    }
}
