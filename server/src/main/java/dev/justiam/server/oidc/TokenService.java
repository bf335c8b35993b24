package dev.justiam.server.oidc;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import dev.justiam.server.applications.ApplicationRow;
import dev.justiam.server.audit.Actor;
import dev.justiam.server.audit.AuditLog;
import dev.justiam.server.crypto.Secrets;
import dev.justiam.server.db.Database;
import dev.justiam.server.http.RequestContext;
import dev.justiam.server.mappings.AppMappingMapper;
import dev.justiam.server.users.UserMapper;
import dev.justiam.server.users.UserRow;
import dev.justiam.server.web.SsoSession;
import org.apache.ibatis.session.SqlSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Codes and tokens: issuing authorization codes, the three grants of the token endpoint, and the
 * state behind introspection, revocation and userinfo. Codes and refresh tokens are stored only as
 * SHA-256 hashes; access tokens are JWTs whose jti is stored so they can be revoked.
 */
public final class TokenService {

    private static final Logger log = LoggerFactory.getLogger(TokenService.class);
    /** RFC 6749 §4.1.2: a code lives at most ten minutes; one is plenty. */
    private static final Duration CODE_LIFETIME = Duration.ofSeconds(60);
    private static final Pattern VERIFIER = Pattern.compile("^[A-Za-z0-9\\-._~]{43,128}$");

    private final Database db;
    private final TokenIssuer issuer;
    private final AuditLog audit;

    public TokenService(Database db, TokenIssuer issuer, AuditLog audit) {
        this.db = db;
        this.issuer = issuer;
        this.audit = audit;
    }

    /** The token response of RFC 6749 §5.1, and whom it was for. */
    public record Issued(String accessToken, long expiresIn, String scope, String refreshToken, String idToken,
            UUID userId, UUID sessionId) {

        public Map<String, Object> toJson() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put(OAuth2.ACCESS_TOKEN, accessToken);
            body.put(OAuth2.TOKEN_TYPE, OAuth2.BEARER);
            body.put(OAuth2.EXPIRES_IN, expiresIn);
            body.put(OAuth2.SCOPE, scope);
            if (refreshToken != null) {
                body.put(OAuth2.REFRESH_TOKEN, refreshToken);
            }
            if (idToken != null) {
                body.put(OAuth2.ID_TOKEN, idToken);
            }
            return body;
        }
    }

    /** A grant that failed; thrown only after the transaction (and any revocation in it) committed. */
    private record Outcome(Issued issued, String error, String description) {

        static Outcome ok(Issued issued) {
            return new Outcome(issued, null, null);
        }

        static Outcome fail(String error, String description) {
            return new Outcome(null, error, description);
        }

        Issued orThrow() {
            if (error != null) {
                throw OAuthErrors.badRequest(error, description);
            }
            return issued;
        }
    }

    /** Stores a fresh authorization code for the signed-in person and returns it (only the hash is kept). */
    public String issueCode(RequestContext ctx, ApplicationRow app, SsoSession session, String redirectUri,
            String scope, String nonce, String codeChallenge) {
        String code = Secrets.randomToken(32);
        CodeRow row = new CodeRow(Secrets.sha256Hex(code), ctx.tenant().id(), app.id(), session.userId(),
                session.sessionId(), Database.newId(), redirectUri, scope, nonce, codeChallenge,
                utc(session.authTime()), session.authMethods().toArray(String[]::new),
                utc(Instant.now().plus(CODE_LIFETIME)), null);
        Actor actor = ctx.actor().as(session.userId(), session.username());
        db.runInTransaction(s -> {
            s.getMapper(OidcMapper.class).insertCode(row);
            audit.record(s, actor.success("oauth.authorize", "application", app.id(),
                    Map.of("client_id", app.clientId(), "scope", scope)));
        });
        return code;
    }

    /** RFC 6749 §4.1.3 with RFC 7636 §4.6. */
    public Issued redeemCode(RequestContext ctx, ApplicationRow app, String code, String redirectUri,
            String verifier) {
        String hash = Secrets.sha256Hex(code);
        return db.inTransaction(s -> {
            OidcMapper m = s.getMapper(OidcMapper.class);
            CodeRow row = m.findCodeForUpdate(ctx.tenant().id(), hash);
            if (row == null) {
                return Outcome.fail(OAuth2.INVALID_GRANT, "the authorization code is invalid");
            }
            // RFC 6749 §4.1.3: the code must have been issued to the authenticated client.
            if (!row.applicationId().equals(app.id())) {
                log.warn("Code presented by another client: tenant={} client={}", app.tenantId(), app.clientId());
                return Outcome.fail(OAuth2.INVALID_GRANT, "the authorization code was issued to another client");
            }
            // RFC 6749 §4.1.2: a code is used once; a second use revokes what the first one issued,
            // because it means the code leaked to someone who is now trying it.
            if (row.usedAt() != null) {
                int revoked = m.revokeFamily(ctx.tenant().id(), row.familyId());
                log.warn("Authorization code replayed; revoked {} tokens: tenant={} client={} user={}", revoked,
                        app.tenantId(), app.clientId(), row.userId());
                audit.record(s, ctx.actor().failure("oauth.code_replayed", "application", app.id(),
                        Map.of("client_id", app.clientId(), "user_id", row.userId().toString(),
                                "revoked_tokens", revoked)));
                return Outcome.fail(OAuth2.INVALID_GRANT, "the authorization code was already used");
            }
            if (row.expiresAt().toInstant().isBefore(Instant.now())) {
                return Outcome.fail(OAuth2.INVALID_GRANT, "the authorization code has expired");
            }
            // RFC 6749 §4.1.3: redirect_uri must be identical to the one of the authorization request.
            if (!row.redirectUri().equals(redirectUri)) {
                return Outcome.fail(OAuth2.INVALID_GRANT, "redirect_uri does not match the authorization request");
            }
            String pkceProblem = checkPkce(row.codeChallenge(), verifier);
            if (pkceProblem != null) {
                return Outcome.fail(OAuth2.INVALID_GRANT, pkceProblem);
            }
            UserRow user = s.getMapper(UserMapper.class).findUserById(ctx.tenant().id(), row.userId());
            if (user == null || user.isDisabled()) {
                return Outcome.fail(OAuth2.INVALID_GRANT, "the user can no longer sign in");
            }
            m.markCodeUsed(hash);

            Instant refreshExpiry = Instant.now().plusSeconds(app.refreshTokenTtl());
            return Outcome.ok(issueForUser(s, ctx, app, user, row.sessionId(), row.familyId(), row.scope(),
                    row.nonce(), row.authTime().toInstant(), list(row.authMethods()), refreshExpiry));
        }).orThrow();
    }

    /** RFC 6749 §6 with rotation: each refresh token works once; reuse revokes the whole family. */
    public Issued refresh(RequestContext ctx, ApplicationRow app, String refreshToken, String requestedScope) {
        String hash = Secrets.sha256Hex(refreshToken);
        return db.inTransaction(s -> {
            OidcMapper m = s.getMapper(OidcMapper.class);
            TokenRow row = m.findTokenForUpdate(ctx.tenant().id(), TokenRow.REFRESH, hash);
            // RFC 6749 §6: the refresh token must have been issued to the authenticated client.
            if (row == null || !row.applicationId().equals(app.id())) {
                return Outcome.fail(OAuth2.INVALID_GRANT, "the refresh token is invalid");
            }
            if (row.revokedAt() != null) {
                return Outcome.fail(OAuth2.INVALID_GRANT, "the refresh token was revoked");
            }
            // RFC 9700 §4.14.2: a rotated refresh token presented again means it leaked; end the family.
            if (row.usedAt() != null) {
                int revoked = m.revokeFamily(ctx.tenant().id(), row.familyId());
                log.warn("Refresh token reused; revoked {} tokens: tenant={} client={} user={}", revoked,
                        app.tenantId(), app.clientId(), row.userId());
                audit.record(s, ctx.actor().failure("oauth.refresh_token_reused", "application", app.id(),
                        Map.of("client_id", app.clientId(), "user_id", String.valueOf(row.userId()),
                                "revoked_tokens", revoked)));
                return Outcome.fail(OAuth2.INVALID_GRANT, "the refresh token was already used");
            }
            if (row.expiresAt().toInstant().isBefore(Instant.now())) {
                return Outcome.fail(OAuth2.INVALID_GRANT, "the refresh token has expired");
            }
            UserRow user = s.getMapper(UserMapper.class).findUserById(ctx.tenant().id(), row.userId());
            if (user == null || user.isDisabled()) {
                return Outcome.fail(OAuth2.INVALID_GRANT, "the user can no longer sign in");
            }
            String scope = row.scope();
            if (requestedScope != null) {
                Set<String> granted = Scopes.parse(row.scope());
                Set<String> asked = Scopes.parse(requestedScope);
                // RFC 6749 §6: the scope may narrow, never widen, what was granted.
                if (!granted.containsAll(asked)) {
                    return Outcome.fail(OAuth2.INVALID_SCOPE, "scope exceeds what was granted");
                }
                scope = Scopes.join(asked);
            }
            m.markTokenUsed(row.id());

            return Outcome.ok(issueForUser(s, ctx, app, user, row.sessionId(), row.familyId(), scope, null,
                    row.authTime() == null ? null : row.authTime().toInstant(), list(row.authMethods()),
                    row.expiresAt().toInstant()));
        }).orThrow();
    }

    /** RFC 6749 §4.4: a token for the client itself; no refresh token, no ID token. */
    public Issued clientCredentials(RequestContext ctx, ApplicationRow app, String requestedScope) {
        Set<String> allowed = new LinkedHashSet<>(app.scopeList());
        allowed.removeAll(OAuth2.SUPPORTED_SCOPES);
        Set<String> scopes = requestedScope == null ? allowed : Scopes.parse(requestedScope);
        if (!allowed.containsAll(scopes)) {
            throw OAuthErrors.badRequest(OAuth2.INVALID_SCOPE, "scope is not registered for this client");
        }
        String scope = Scopes.join(scopes);
        Instant now = Instant.now();
        Instant expires = now.plusSeconds(app.accessTokenTtl());
        String jti = Secrets.randomToken(16);
        String accessToken = issuer.accessToken(ctx.publicUrl(), ctx.tenant().id(), app.clientId(), app.clientId(),
                scope, jti, now, expires, null, null);
        db.runInTransaction(s -> s.getMapper(OidcMapper.class).insertToken(new TokenRow(Database.newId(),
                ctx.tenant().id(), app.id(), null, null, TokenRow.ACCESS, jti, Database.newId(), scope, null,
                new String[0], null, utc(expires), null, null, null)));
        return new Issued(accessToken, app.accessTokenTtl(), scope, null, null, null, null);
    }

    /** RFC 7662 §2.2: what the token is, or only {@code active: false}. Only the client's own tokens. */
    public Map<String, Object> introspect(RequestContext ctx, ApplicationRow app, String token) {
        Map<String, Object> inactive = Map.of("active", false);
        Optional<TokenRow> found = findLive(ctx, token);
        if (found.isEmpty() || !found.get().applicationId().equals(app.id())) {
            return inactive;
        }
        TokenRow row = found.get();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("active", true);
        body.put(OAuth2.SCOPE, row.scope());
        body.put(OAuth2.CLIENT_ID, app.clientId());
        body.put("sub", row.userId() == null ? app.clientId() : row.userId().toString());
        body.put("iss", ctx.publicUrl());
        body.put("exp", row.expiresAt().toEpochSecond());
        body.put("iat", row.createdAt().toEpochSecond());
        if (TokenRow.ACCESS.equals(row.kind())) {
            body.put(OAuth2.TOKEN_TYPE, OAuth2.BEARER);
            body.put("aud", app.clientId());
            body.put("jti", row.lookup());
        }
        return body;
    }

    /**
     * RFC 7009 §2.1: revokes the client's own token; a refresh token takes its whole family (the
     * access tokens of the same grant) with it. Unknown tokens and other clients' tokens are ignored.
     */
    public void revoke(RequestContext ctx, ApplicationRow app, String token) {
        Optional<TokenRow> found = findAny(ctx, token);
        if (found.isEmpty() || !found.get().applicationId().equals(app.id())) {
            return;
        }
        TokenRow row = found.get();
        db.runInTransaction(s -> {
            OidcMapper m = s.getMapper(OidcMapper.class);
            if (TokenRow.REFRESH.equals(row.kind())) {
                m.revokeFamily(ctx.tenant().id(), row.familyId());
            } else {
                m.revokeToken(row.id());
            }
        });
        log.info("Token revoked by its client: tenant={} client={} kind={}", app.tenantId(), app.clientId(),
                row.kind());
    }

    /** A live access token (signature, expiry, not revoked, user still active) with its stored record. */
    public Optional<TokenRow> liveAccessToken(RequestContext ctx, String token) {
        return findLive(ctx, token).filter(r -> TokenRow.ACCESS.equals(r.kind()));
    }

    /** Revokes every token issued through a sign-in session (when it ends). */
    public void revokeSessionTokens(UUID tenantId, UUID sessionId) {
        db.runInTransaction(s -> s.getMapper(OidcMapper.class).revokeSessionTokens(tenantId, sessionId));
    }

    /**
     * Deletes codes, tokens and client assertion ids that expired more than a day ago (kept that long
     * so a late replay is still recognised and answered as one). For the expired-token purge task.
     */
    public int purgeExpired() {
        OffsetDateTime before = utc(Instant.now().minus(Duration.ofDays(1)));
        return db.inTransaction(s -> {
            OidcMapper m = s.getMapper(OidcMapper.class);
            return m.deleteExpiredCodes(before) + m.deleteExpiredTokens(before)
                    + m.deleteExpiredClientAssertions(before);
        });
    }

    private Optional<TokenRow> findLive(RequestContext ctx, String token) {
        return findAny(ctx, token).filter(r -> r.revokedAt() == null && r.usedAt() == null
                && r.expiresAt().toInstant().isAfter(Instant.now())
                && (r.userId() == null || UserRow.ACTIVE.equals(r.userStatus())));
    }

    private Optional<TokenRow> findAny(RequestContext ctx, String token) {
        if (token == null || token.length() > 16384) {
            return Optional.empty();
        }
        UUID tenantId = ctx.tenant().id();
        if (token.chars().filter(c -> c == '.').count() == 2) {
            return issuer.verifyAccessToken(ctx.publicUrl(), tenantId, token).map(c -> db.read(s ->
                    s.getMapper(OidcMapper.class).findToken(tenantId, TokenRow.ACCESS, c.jti())));
        }
        return Optional.ofNullable(db.read(s -> s.getMapper(OidcMapper.class).findToken(tenantId, TokenRow.REFRESH,
                Secrets.sha256Hex(token))));
    }

    private Issued issueForUser(SqlSession s, RequestContext ctx, ApplicationRow app, UserRow user, UUID sessionId,
            UUID familyId, String scope, String nonce, Instant authTime, List<String> amr, Instant refreshExpiry) {
        OidcMapper m = s.getMapper(OidcMapper.class);
        UUID tenantId = ctx.tenant().id();
        Set<String> scopes = Scopes.parse(scope);
        Instant now = Instant.now();
        String subject = user.id().toString();

        List<String> roles = s.getMapper(AppMappingMapper.class).findRolesOfUser(tenantId, app.id(), user.id());
        Instant accessExpiry = now.plusSeconds(app.accessTokenTtl());
        String jti = Secrets.randomToken(16);
        String accessToken = issuer.accessToken(ctx.publicUrl(), tenantId, app.clientId(), subject, scope, jti, now,
                accessExpiry, authTime, roles);
        m.insertToken(new TokenRow(Database.newId(), tenantId, app.id(), user.id(), sessionId, TokenRow.ACCESS, jti,
                familyId, scope, utc(authTime), amr.toArray(String[]::new), null, utc(accessExpiry), null, null,
                null));

        String refreshToken = null;
        if (Clients.grantTypes(app).contains(OAuth2.REFRESH_TOKEN)) {
            refreshToken = Secrets.randomToken(32);
            m.insertToken(new TokenRow(Database.newId(), tenantId, app.id(), user.id(), sessionId, TokenRow.REFRESH,
                    Secrets.sha256Hex(refreshToken), familyId, scope, utc(authTime), amr.toArray(String[]::new), null,
                    utc(refreshExpiry), null, null, null));
        }

        String idToken = null;
        if (scopes.contains(OAuth2.OPENID)) {
            List<String> groups = scopes.contains(OAuth2.GROUPS)
                    ? m.findGroupNamesOfUser(tenantId, user.id()) : List.of();
            idToken = issuer.idToken(ctx.publicUrl(), tenantId, app.clientId(), subject,
                    UserClaims.of(user, scopes, groups), nonce, authTime == null ? now : authTime, amr, sessionId,
                    accessToken, now, now.plusSeconds(app.idTokenTtl()));
        }
        return new Issued(accessToken, app.accessTokenTtl(), scope, refreshToken, idToken, user.id(), sessionId);
    }

    /** RFC 7636 §4.6, and RFC 9700 §2.1.1: a verifier without a challenge is refused too. */
    private static String checkPkce(String challenge, String verifier) {
        if (challenge == null) {
            return verifier == null ? null : "code_verifier sent but no code_challenge was";
        }
        if (verifier == null) {
            return "code_verifier is required";
        }
        if (!VERIFIER.matcher(verifier).matches()) {
            return "code_verifier is malformed";
        }
        String computed = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(Secrets.sha256(verifier.getBytes(StandardCharsets.US_ASCII)));
        return Secrets.constantTimeEquals(computed, challenge) ? null : "code_verifier does not match code_challenge";
    }

    private static List<String> list(String[] values) {
        return values == null ? List.of() : Arrays.asList(values);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
