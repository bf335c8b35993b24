package dev.justiam.server.oidc;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import dev.justiam.server.applications.ApplicationRow;
import dev.justiam.server.db.Database;
import dev.justiam.server.http.RequestContext;
import dev.justiam.server.mappings.AppMappingMapper;
import dev.justiam.server.web.SsoSession;
import jakarta.ws.rs.core.MultivaluedMap;

/**
 * The rules of the authorization endpoint: validating the request in the order RFC 6749 §4.1.2.1
 * demands (client and redirect URI first, never redirecting before both are trusted), then
 * deciding whether the person must sign in, consent, or may receive a code.
 */
public final class AuthorizeService {

    private static final Pattern CHALLENGE = Pattern.compile("^[A-Za-z0-9\\-_]{43}$");
    private static final Set<String> PROMPTS = Set.of(OAuth2.PROMPT_NONE, OAuth2.PROMPT_LOGIN,
            OAuth2.PROMPT_CONSENT, OAuth2.PROMPT_SELECT_ACCOUNT);
    private static final int MAX_PARAM_LENGTH = 2048;

    /** What to do with a valid request for this browser. */
    public enum Next { LOGIN, CONSENT, ISSUE_CODE }

    private final Database db;
    private final Clients clients;

    public AuthorizeService(Database db, Clients clients) {
        this.db = db;
        this.clients = clients;
    }

    public AuthorizationRequest validate(RequestContext ctx, MultivaluedMap<String, String> params) {
        // The client and its redirect URI come first: until both are known, errors stay on our page.
        String repeated = Params.repeated(params);
        if (OAuth2.CLIENT_ID.equals(repeated) || OAuth2.REDIRECT_URI.equals(repeated)) {
            throw AuthorizeException.page(repeated + " was sent more than once.");
        }
        String clientId = Params.single(params, OAuth2.CLIENT_ID);
        if (clientId == null) {
            throw AuthorizeException.page("The request names no client (client_id is missing).");
        }
        ApplicationRow app = clients.find(ctx.tenant().id(), clientId)
                .orElseThrow(() -> AuthorizeException.page("The application is unknown or disabled."));
        String redirectUri = Params.single(params, OAuth2.REDIRECT_URI);
        // OIDC Core §3.1.2.1: redirect_uri is required and must exactly match a registered one.
        if (redirectUri == null || !Clients.redirectUriAllowed(ctx, app, redirectUri)) {
            throw AuthorizeException.page("The redirect URI is not registered for this application.");
        }

        String state = Params.single(params, OAuth2.STATE);
        String responseModeParam = Params.single(params, OAuth2.RESPONSE_MODE);
        String responseMode = OAuth2.RESPONSE_MODE_FORM_POST.equals(responseModeParam)
                ? OAuth2.RESPONSE_MODE_FORM_POST : OAuth2.RESPONSE_MODE_QUERY;
        if (repeated != null) {
            throw AuthorizeException.redirect(OAuth2.INVALID_REQUEST, repeated + " was sent more than once",
                    redirectUri, responseMode, state);
        }
        if (responseModeParam != null && !responseModeParam.equals(OAuth2.RESPONSE_MODE_QUERY)
                && !responseModeParam.equals(OAuth2.RESPONSE_MODE_FORM_POST)) {
            throw AuthorizeException.redirect(OAuth2.INVALID_REQUEST, "response_mode must be query or form_post",
                    redirectUri, responseMode, state);
        }
        for (String name : params.keySet()) {
            String v = Params.single(params, name);
            if (v != null && v.length() > MAX_PARAM_LENGTH) {
                throw AuthorizeException.redirect(OAuth2.INVALID_REQUEST, name + " is too long", redirectUri,
                        responseMode, null);
            }
        }
        // OIDC Core §6: request objects are not supported.
        if (Params.single(params, OAuth2.REQUEST) != null) {
            throw AuthorizeException.redirect(OAuth2.REQUEST_NOT_SUPPORTED, "request objects are not supported",
                    redirectUri, responseMode, state);
        }
        if (Params.single(params, OAuth2.REQUEST_URI) != null) {
            throw AuthorizeException.redirect(OAuth2.REQUEST_URI_NOT_SUPPORTED, "request_uri is not supported",
                    redirectUri, responseMode, state);
        }

        String responseType = Params.single(params, OAuth2.RESPONSE_TYPE);
        if (responseType == null) {
            throw AuthorizeException.redirect(OAuth2.INVALID_REQUEST, "response_type is required", redirectUri,
                    responseMode, state);
        }
        if (!OAuth2.RESPONSE_TYPE_CODE.equals(responseType)) {
            throw AuthorizeException.redirect(OAuth2.UNSUPPORTED_RESPONSE_TYPE, "only response_type=code is supported",
                    redirectUri, responseMode, state);
        }
        if (!Clients.grantTypes(app).contains(OAuth2.AUTHORIZATION_CODE)) {
            throw AuthorizeException.redirect(OAuth2.UNAUTHORIZED_CLIENT,
                    "the client may not use the authorization code grant", redirectUri, responseMode, state);
        }

        List<String> scopes = validScopes(app, Params.single(params, OAuth2.SCOPE), redirectUri, responseMode, state);
        String challenge = validChallenge(app, params, redirectUri, responseMode, state);
        Set<String> prompt = validPrompt(Params.single(params, OAuth2.PROMPT), redirectUri, responseMode, state);
        Integer maxAge = validMaxAge(Params.single(params, OAuth2.MAX_AGE), redirectUri, responseMode, state);

        return new AuthorizationRequest(app, redirectUri, responseMode, scopes, state,
                Params.single(params, OAuth2.NONCE), prompt, maxAge, Params.single(params, OAuth2.LOGIN_HINT),
                challenge, params);
    }

    /** OIDC Core §3.1.2.3: sign in when there is no session, prompt=login, or max_age has elapsed. */
    public boolean needsLogin(AuthorizationRequest req, SsoSession session) {
        if (session == null || req.prompt().contains(OAuth2.PROMPT_LOGIN)) {
            return true;
        }
        return req.maxAge() != null
                && Duration.between(session.authTime(), Instant.now()).toSeconds() > req.maxAge();
    }

    /** For a signed-in person: refused, consent needed, or a code may be issued. */
    public Next decide(RequestContext ctx, AuthorizationRequest req, SsoSession session) {
        ApplicationRow app = req.app();
        if (app.assignmentRequired()) {
            boolean mapped = db.read(s -> s.getMapper(AppMappingMapper.class)
                    .isUserMapped(ctx.tenant().id(), app.id(), session.userId()));
            if (!mapped) {
                throw AuthorizeException.redirect(req, OAuth2.ACCESS_DENIED,
                        "the user is not assigned to this application");
            }
        }
        if (FirstPartyClient.is(app) || !app.consentRequired()) {
            return Next.ISSUE_CODE;
        }
        boolean asked = req.prompt().contains(OAuth2.PROMPT_CONSENT);
        Set<String> granted = new LinkedHashSet<>(db.read(s -> s.getMapper(OidcMapper.class)
                .findConsentedScopes(ctx.tenant().id(), session.userId(), app.id())));
        if (!asked && granted.containsAll(req.scopes())) {
            return Next.ISSUE_CODE;
        }
        // OIDC Core §3.1.2.6: with prompt=none nothing may be shown, so consent cannot be asked.
        if (req.prompt().contains(OAuth2.PROMPT_NONE)) {
            throw AuthorizeException.redirect(req, OAuth2.CONSENT_REQUIRED, "the user has not consented");
        }
        return Next.CONSENT;
    }

    public void recordConsent(RequestContext ctx, AuthorizationRequest req, SsoSession session) {
        db.runInTransaction(s -> s.getMapper(OidcMapper.class).upsertConsent(ctx.tenant().id(), session.userId(),
                req.app().id(), req.scopes().toArray(String[]::new)));
    }

    private static List<String> validScopes(ApplicationRow app, String scope, String redirectUri, String mode,
            String state) {
        if (scope == null) {
            throw AuthorizeException.redirect(OAuth2.INVALID_SCOPE, "scope is required", redirectUri, mode, state);
        }
        if (!Scopes.wellFormed(scope)) {
            throw AuthorizeException.redirect(OAuth2.INVALID_SCOPE, "scope is malformed", redirectUri, mode, state);
        }
        List<String> scopes = new ArrayList<>(Scopes.parse(scope));
        List<String> registered = app.scopeList();
        for (String s : scopes) {
            boolean known = OAuth2.SUPPORTED_SCOPES.contains(s) || registered.contains(s);
            boolean allowed = registered.isEmpty() || registered.contains(s);
            if (!known || !allowed) {
                throw AuthorizeException.redirect(OAuth2.INVALID_SCOPE, "scope '" + s + "' is not allowed",
                        redirectUri, mode, state);
            }
        }
        return scopes;
    }

    /** RFC 7636 §4.3 and §4.4.1, with S256 only: plain (the default method) is refused. */
    private static String validChallenge(ApplicationRow app, MultivaluedMap<String, String> params,
            String redirectUri, String mode, String state) {
        String challenge = Params.single(params, OAuth2.CODE_CHALLENGE);
        String method = Params.single(params, OAuth2.CODE_CHALLENGE_METHOD);
        if (challenge == null) {
            if (method != null) {
                throw AuthorizeException.redirect(OAuth2.INVALID_REQUEST, "code_challenge_method without code_challenge",
                        redirectUri, mode, state);
            }
            if (app.isPublicClient() || app.pkceRequired()) {
                throw AuthorizeException.redirect(OAuth2.INVALID_REQUEST, "code_challenge is required (PKCE S256)",
                        redirectUri, mode, state);
            }
            return null;
        }
        if (!OAuth2.S256.equals(method)) {
            throw AuthorizeException.redirect(OAuth2.INVALID_REQUEST, "code_challenge_method must be S256",
                    redirectUri, mode, state);
        }
        if (!CHALLENGE.matcher(challenge).matches()) {
            throw AuthorizeException.redirect(OAuth2.INVALID_REQUEST, "code_challenge is malformed", redirectUri,
                    mode, state);
        }
        return challenge;
    }

    private static Set<String> validPrompt(String prompt, String redirectUri, String mode, String state) {
        Set<String> values = Scopes.parse(prompt);
        for (String v : values) {
            if (!PROMPTS.contains(v)) {
                throw AuthorizeException.redirect(OAuth2.INVALID_REQUEST, "unknown prompt value", redirectUri, mode,
                        state);
            }
        }
        // OIDC Core §3.1.2.1: none with any other value is an error.
        if (values.contains(OAuth2.PROMPT_NONE) && values.size() > 1) {
            throw AuthorizeException.redirect(OAuth2.INVALID_REQUEST, "prompt=none cannot be combined", redirectUri,
                    mode, state);
        }
        return values;
    }

    private static Integer validMaxAge(String maxAge, String redirectUri, String mode, String state) {
        if (maxAge == null) {
            return null;
        }
        try {
            int v = Integer.parseInt(maxAge);
            if (v < 0) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw AuthorizeException.redirect(OAuth2.INVALID_REQUEST, "max_age must be a non-negative integer",
                    redirectUri, mode, state);
        }
    }
}
