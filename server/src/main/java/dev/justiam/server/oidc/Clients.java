package dev.justiam.server.oidc;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.justiam.server.applications.ApplicationMapper;
import dev.justiam.server.applications.ApplicationRow;
import dev.justiam.server.crypto.Secrets;
import dev.justiam.server.db.Database;
import dev.justiam.server.http.RequestContext;
import jakarta.ws.rs.core.MultivaluedMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registered OIDC clients: lookup, redirect URI matching, grant types, and client authentication
 * at the token, introspection and revocation endpoints (RFC 6749 §2.3, OIDC Core §9).
 *
 * <p>Limitation: private_key_jwt accepts only RS256 assertions verified with the keys registered in
 * the application's {@code jwks}; a {@code jwks_uri} is not fetched, and EC keys are refused with
 * invalid_client.
 */
public final class Clients {

    private static final Logger log = LoggerFactory.getLogger(Clients.class);
    private static final Duration MAX_ASSERTION_LIFETIME = Duration.ofMinutes(10);
    private static final Duration CLOCK_SKEW = Duration.ofSeconds(30);
    private static final String BASIC = "basic ";

    private final Database db;

    public Clients(Database db) {
        this.db = db;
    }

    /** A client that proved who it is, and how. */
    public record Authenticated(ApplicationRow app, String method) {
    }

    /** An enabled OIDC application with this client id. */
    public Optional<ApplicationRow> find(UUID tenantId, String clientId) {
        if (clientId == null || clientId.isEmpty() || clientId.length() > 256) {
            return Optional.empty();
        }
        ApplicationRow app = db.read(s -> s.getMapper(ApplicationMapper.class)
                .findApplicationByClientId(tenantId, clientId));
        return app == null || !app.enabled() || !app.isOidc() ? Optional.empty() : Optional.of(app);
    }

    /** The grant types the client may use; none registered means the authorization code flow with refresh. */
    public static List<String> grantTypes(ApplicationRow app) {
        List<String> registered = app.grantTypeList();
        return registered.isEmpty() ? List.of(OAuth2.AUTHORIZATION_CODE, OAuth2.REFRESH_TOKEN) : registered;
    }

    /**
     * RFC 6749 §3.1.2.3 and OIDC Core §3.1.2.1: the redirect URI must be one registered, compared
     * as a simple string. No normalisation: case, trailing slash, port, query and fragment all count.
     */
    public static boolean redirectUriAllowed(RequestContext ctx, ApplicationRow app, String redirectUri) {
        if (redirectUri == null) {
            return false;
        }
        if (FirstPartyClient.is(app)) {
            return redirectUri.equals(FirstPartyClient.redirectUri(ctx));
        }
        return app.redirectUriList().contains(redirectUri);
    }

    /** RP-Initiated Logout §3: only a registered post-logout redirect URI, compared exactly. */
    public static boolean postLogoutRedirectUriAllowed(RequestContext ctx, ApplicationRow app, String uri) {
        if (uri == null) {
            return false;
        }
        if (FirstPartyClient.is(app)) {
            return uri.equals(FirstPartyClient.postLogoutRedirectUri(ctx));
        }
        return app.postLogoutRedirectUriList().contains(uri);
    }

    /**
     * Authenticates the client of a token, introspection or revocation request. {@code allowNone}
     * admits public clients that send only their client_id.
     */
    public Authenticated authenticate(RequestContext ctx, String authorization, MultivaluedMap<String, String> form,
            boolean allowNone) {
        String issuer = ctx.publicUrl();
        String[] basic = basicCredentials(authorization, issuer);
        String formId = Params.single(form, OAuth2.CLIENT_ID);
        String formSecret = Params.single(form, OAuth2.CLIENT_SECRET);
        String assertionType = Params.single(form, OAuth2.CLIENT_ASSERTION_TYPE);
        String assertion = Params.single(form, OAuth2.CLIENT_ASSERTION);

        // RFC 6749 §2.3: a client MUST NOT use more than one authentication method per request.
        int methods = (basic != null ? 1 : 0) + (formSecret != null ? 1 : 0) + (assertion != null ? 1 : 0);
        if (methods > 1) {
            throw OAuthErrors.badRequest(OAuth2.INVALID_REQUEST, "more than one client authentication method");
        }
        if (basic != null) {
            if (formId != null && !formId.equals(basic[0])) {
                throw OAuthErrors.badRequest(OAuth2.INVALID_REQUEST, "client_id does not match the credentials");
            }
            ApplicationRow app = find(ctx.tenant().id(), basic[0]).orElseThrow(() -> unknown(issuer));
            return new Authenticated(checkSecret(issuer, app, basic[1], OAuth2.CLIENT_SECRET_BASIC),
                    OAuth2.CLIENT_SECRET_BASIC);
        }
        if (formSecret != null) {
            if (formId == null) {
                throw OAuthErrors.badRequest(OAuth2.INVALID_REQUEST, "client_id is required");
            }
            ApplicationRow app = find(ctx.tenant().id(), formId).orElseThrow(() -> unknown(issuer));
            return new Authenticated(checkSecret(issuer, app, formSecret, OAuth2.CLIENT_SECRET_POST),
                    OAuth2.CLIENT_SECRET_POST);
        }
        if (assertion != null || assertionType != null) {
            if (!OAuth2.JWT_BEARER_ASSERTION.equals(assertionType) || assertion == null) {
                throw OAuthErrors.badRequest(OAuth2.INVALID_REQUEST, "unsupported client_assertion_type");
            }
            return new Authenticated(checkAssertion(ctx, formId, assertion), OAuth2.PRIVATE_KEY_JWT);
        }
        if (formId == null) {
            throw OAuthErrors.invalidClient(issuer, "client authentication is required");
        }
        ApplicationRow app = find(ctx.tenant().id(), formId).orElseThrow(() -> unknown(issuer));
        if (!allowNone || !app.isPublicClient()) {
            throw OAuthErrors.invalidClient(issuer, "client authentication is required");
        }
        return new Authenticated(app, OAuth2.NONE);
    }

    private ApplicationRow checkSecret(String issuer, ApplicationRow app, String secret, String method) {
        if (app.isPublicClient() || !methodAllowed(app, method)) {
            throw OAuthErrors.invalidClient(issuer, "client authentication failed");
        }
        // Stored as SHA-256; compared in constant time.
        if (app.clientSecretHash() == null
                || !Secrets.constantTimeEquals(app.clientSecretHash(), Secrets.sha256Hex(secret))) {
            log.debug("Client secret mismatch: tenant={} client={}", app.tenantId(), app.clientId());
            throw OAuthErrors.invalidClient(issuer, "client authentication failed");
        }
        return app;
    }

    /** The registered method, when there is one, is the only one accepted; otherwise either secret method. */
    private static boolean methodAllowed(ApplicationRow app, String method) {
        String registered = app.tokenEndpointAuthMethod();
        if (registered == null) {
            return method.equals(OAuth2.CLIENT_SECRET_BASIC) || method.equals(OAuth2.CLIENT_SECRET_POST);
        }
        if (registered.equals(OAuth2.CLIENT_SECRET_BASIC) || registered.equals(OAuth2.CLIENT_SECRET_POST)) {
            // Both secret methods carry the same secret; accepting either is what most servers do.
            return method.equals(OAuth2.CLIENT_SECRET_BASIC) || method.equals(OAuth2.CLIENT_SECRET_POST);
        }
        return registered.equals(method);
    }

    /** RFC 7523 §3 and OIDC Core §9: the assertion's checks, then its jti is remembered against replay. */
    private ApplicationRow checkAssertion(RequestContext ctx, String formId, String assertion) {
        String issuer = ctx.publicUrl();
        try {
            SignedJWT jwt = SignedJWT.parse(assertion);
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            String clientId = claims.getSubject();
            if (clientId == null || !clientId.equals(claims.getIssuer())
                    || (formId != null && !formId.equals(clientId))) {
                throw OAuthErrors.invalidClient(issuer, "client assertion iss and sub must be the client_id");
            }
            ApplicationRow app = find(ctx.tenant().id(), clientId).orElseThrow(() -> unknown(issuer));
            if (!OAuth2.PRIVATE_KEY_JWT.equals(app.tokenEndpointAuthMethod()) || app.jwks() == null) {
                throw OAuthErrors.invalidClient(issuer, "client is not registered for private_key_jwt");
            }
            if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm()) || !verify(jwt, app.jwks())) {
                throw OAuthErrors.invalidClient(issuer, "client assertion signature is invalid");
            }
            List<String> audience = claims.getAudience();
            if (audience == null || !(audience.contains(issuer + OAuth2.TOKEN_PATH) || audience.contains(issuer))) {
                throw OAuthErrors.invalidClient(issuer, "client assertion audience must be this server");
            }
            Instant now = Instant.now();
            if (claims.getExpirationTime() == null
                    || claims.getExpirationTime().toInstant().isBefore(now.minus(CLOCK_SKEW))
                    || claims.getExpirationTime().toInstant().isAfter(now.plus(MAX_ASSERTION_LIFETIME))) {
                throw OAuthErrors.invalidClient(issuer, "client assertion is expired or lives too long");
            }
            if (claims.getJWTID() == null) {
                throw OAuthErrors.invalidClient(issuer, "client assertion needs a jti");
            }
            OffsetDateTime keepUntil = OffsetDateTime.ofInstant(claims.getExpirationTime().toInstant(), ZoneOffset.UTC)
                    .plus(CLOCK_SKEW);
            int fresh = db.inTransaction(s -> s.getMapper(OidcMapper.class).insertClientAssertion(app.id(),
                    Secrets.sha256Hex(claims.getJWTID()), keepUntil));
            if (fresh == 0) {
                log.warn("Replayed client assertion refused: tenant={} client={}", app.tenantId(), app.clientId());
                throw OAuthErrors.invalidClient(issuer, "client assertion was already used");
            }
            return app;
        } catch (ParseException e) {
            throw OAuthErrors.invalidClient(issuer, "client assertion is not a signed JWT");
        }
    }

    private static boolean verify(SignedJWT jwt, String jwksJson) {
        try {
            JWKSet set = JWKSet.parse(jwksJson);
            String kid = jwt.getHeader().getKeyID();
            for (JWK key : set.getKeys()) {
                if (key instanceof RSAKey rsa && (kid == null || kid.equals(rsa.getKeyID()))
                        && jwt.verify(new RSASSAVerifier(rsa))) {
                    return true;
                }
            }
            return false;
        } catch (ParseException | JOSEException e) {
            return false;
        }
    }

    /** RFC 6749 §2.3.1: id and secret are form-encoded before being put into HTTP Basic. */
    private static String[] basicCredentials(String header, String issuer) {
        if (header == null || header.length() < BASIC.length()
                || !header.substring(0, BASIC.length()).toLowerCase(Locale.ROOT).equals(BASIC)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(BASIC.length()).trim()),
                    StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                throw OAuthErrors.invalidClient(issuer, "malformed Basic credentials");
            }
            return new String[] {
                URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
                URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8)};
        } catch (IllegalArgumentException e) {
            throw OAuthErrors.invalidClient(issuer, "malformed Basic credentials");
        }
    }

    private static RuntimeException unknown(String issuer) {
        return OAuthErrors.invalidClient(issuer, "client authentication failed");
    }
}
