package dev.justiam.server.auth;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import dev.justiam.server.audit.Actor;
import dev.justiam.server.audit.AuditLog;
import dev.justiam.server.common.Text;
import dev.justiam.server.db.Database;
import dev.justiam.server.http.ApiException;
import dev.justiam.server.users.UserMapper;
import dev.justiam.server.users.UserRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Password sign-in with lockout, and sign-out. An unknown login and a wrong password give the same
 * answer after the same amount of work (a decoy hash is verified for unknown logins).
 */
public final class AuthService {

    private static final Logger log = LoggerFactory.getLogger(AuthService.class);

    private static final int MAX_LOGIN = 320;

    private final Database db;
    private final PasswordHasher hasher;
    private final PortalTokens tokens;
    private final AuditLog audit;
    private final int maxFailures;
    private final Duration lockDuration;

    public AuthService(Database db, PasswordHasher hasher, PortalTokens tokens, AuditLog audit, int maxFailures,
            Duration lockDuration) {
        this.db = db;
        this.hasher = hasher;
        this.tokens = tokens;
        this.audit = audit;
        this.maxFailures = maxFailures;
        this.lockDuration = lockDuration;
    }

    public record SignedIn(String token, long expiresIn, UserRow user, UUID sessionId) {
    }

    private enum Outcome { SUCCESS, INVALID, LOCKED }

    private record Attempt(Outcome outcome, UserRow user, UUID sessionId, Instant expiresAt, long retryAfter) {
    }

    /** A person who has just proven their password: the user and the session opened for them. */
    public record PasswordSignIn(UserRow user, UUID sessionId, Instant expiresAt) {
    }

    public SignedIn login(Actor anonymous, String issuer, String login, String password) {
        if (login == null || login.isBlank() || password == null) {
            throw new ApiException(400, "validation_failed", "The request has invalid fields.",
                    Map.of("fields", Map.of(login == null || login.isBlank() ? "login" : "password", "is required")));
        }
        PasswordSignIn signedIn = signIn(anonymous, login, password, null, tokens.lifetime());
        return new SignedIn(
                tokens.issue(issuer, anonymous.tenantId(), signedIn.user().id(), signedIn.sessionId(),
                        signedIn.expiresAt()),
                tokens.lifetime().toSeconds(), signedIn.user(), signedIn.sessionId());
    }

    /**
     * Checks a password with the lockout policy, audits the attempt and, on success, opens a session
     * (bound to a browser SSO cookie when {@code ssoTokenHash} is given). Throws 401
     * {@code invalid_credentials} or 429 {@code account_locked} as {@link ApiException}s.
     */
    public PasswordSignIn signIn(Actor anonymous, String login, String password, String ssoTokenHash,
            Duration sessionLifetime) {
        if (login == null || login.isBlank() || password == null) {
            throw invalidCredentials();
        }
        // A login no user can have (too long, control characters) is an unknown user, not a bad request.
        boolean possible = login.length() <= MAX_LOGIN && !Text.hasControlCharacters(login);
        UserRow found = possible
                ? db.read(s -> s.getMapper(UserMapper.class).findUserByLogin(anonymous.tenantId(), login.trim()))
                : null;
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);

        if (found != null && found.isLocked(now)) {
            long retry = Math.max(1, Duration.between(now, found.lockedUntil()).toSeconds());
            recordFailure(anonymous.as(found.id(), found.username()), found.id(), "account_locked");
            throw locked(retry);
        }
        OffsetDateTime unknownLock = found == null && possible ? db.read(s -> s.getMapper(UnknownLoginMapper.class)
                .findUnknownLoginLock(anonymous.tenantId(), loginKey(login))) : null;
        if (unknownLock != null) {
            recordFailure(anonymous, null, "account_locked");
            throw locked(Math.max(1, Duration.between(now, unknownLock).toSeconds()));
        }
        // Verified even when there is no user, so both answers take the same time.
        boolean passwordOk = hasher.verify(password, found == null ? null : found.passwordHash());

        Instant expiresAt = Instant.now().plus(sessionLifetime);
        Attempt attempt = db.inTransaction(s -> decide(s, anonymous, found, passwordOk, login.trim(), ssoTokenHash,
                expiresAt));
        return switch (attempt.outcome()) {
            case SUCCESS -> new PasswordSignIn(attempt.user(), attempt.sessionId(), attempt.expiresAt());
            case LOCKED -> throw locked(attempt.retryAfter());
            case INVALID -> throw invalidCredentials();
        };
    }

    public void logout(Actor actor, UUID sessionId) {
        db.runInTransaction(s -> {
            s.getMapper(SessionMapper.class).revokeSession(actor.tenantId(), sessionId);
            audit.record(s, actor.success("auth.logout", "session", sessionId, null));
        });
    }

    /** Creates a session for a user who has just proven who they are; used by every sign-in path. */
    public UUID openSession(org.apache.ibatis.session.SqlSession s, Actor actor, UUID userId, String[] methods,
            Instant expiresAt) {
        return openSession(s, actor, userId, methods, expiresAt, null);
    }

    /** As above, bound to a browser SSO cookie whose SHA-256 is {@code ssoTokenHash}. */
    public UUID openSession(org.apache.ibatis.session.SqlSession s, Actor actor, UUID userId, String[] methods,
            Instant expiresAt, String ssoTokenHash) {
        UUID sessionId = Database.newId();
        s.getMapper(SessionMapper.class).insertSession(sessionId, actor.tenantId(), userId, methods, actor.ip(),
                actor.userAgent(), OffsetDateTime.ofInstant(expiresAt, ZoneOffset.UTC), ssoTokenHash);
        return sessionId;
    }

    private Attempt decide(org.apache.ibatis.session.SqlSession s, Actor anonymous, UserRow user, boolean passwordOk,
            String login, String ssoTokenHash, Instant expiresAt) {
        if (user == null) {
            audit.record(s, anonymous.failure("auth.login", "user", null,
                    Map.of("login", truncate(login), "reason", "unknown_user")));
            return countUnknownLoginFailure(s, anonymous.tenantId(), login)
                    ? new Attempt(Outcome.LOCKED, null, null, null, lockDuration.toSeconds())
                    : new Attempt(Outcome.INVALID, null, null, null, 0);
        }
        Actor actor = anonymous.as(user.id(), user.username());
        UserMapper users = s.getMapper(UserMapper.class);
        if (!passwordOk || user.isDisabled()) {
            String reason = user.isDisabled() ? "account_disabled" : "wrong_password";
            if (!passwordOk) {
                int failures = users.incrementFailedLogins(user.tenantId(), user.id());
                if (failures >= maxFailures) {
                    users.lockUser(user.tenantId(), user.id(),
                            OffsetDateTime.now(ZoneOffset.UTC).plus(lockDuration));
                    audit.record(s, actor.failure("auth.login", "user", user.id(), Map.of("reason", reason)));
                    audit.record(s, actor.success("auth.lockout", "user", user.id(),
                            Map.of("failures", failures, "locked_seconds", lockDuration.toSeconds())));
                    log.warn("Account locked after {} failed sign-ins: tenant={} user={}", failures,
                            user.tenantId(), user.id());
                    return new Attempt(Outcome.LOCKED, user, null, null, lockDuration.toSeconds());
                }
            }
            audit.record(s, actor.failure("auth.login", "user", user.id(), Map.of("reason", reason)));
            return new Attempt(Outcome.INVALID, user, null, null, 0);
        }
        UUID sessionId = openSession(s, actor, user.id(), new String[] {"pwd"}, expiresAt, ssoTokenHash);
        users.recordSuccessfulLogin(user.tenantId(), user.id());
        audit.record(s, actor.success("auth.login", "session", sessionId, Map.of("method", "pwd")));
        UserRow fresh = users.findUserById(user.tenantId(), user.id());
        return new Attempt(Outcome.SUCCESS, fresh, sessionId, expiresAt, 0);
    }

    /**
     * A login that matches no user is counted and locked exactly like an account, so the answers to
     * repeated failures never tell whether the account exists. True when this failure locks it.
     */
    private boolean countUnknownLoginFailure(org.apache.ibatis.session.SqlSession s, UUID tenantId, String login) {
        if (login.length() > MAX_LOGIN || Text.hasControlCharacters(login)) {
            return false;
        }
        UnknownLoginMapper unknown = s.getMapper(UnknownLoginMapper.class);
        if (ThreadLocalRandom.current().nextInt(64) == 0) {
            unknown.deleteStaleUnknownLogins(OffsetDateTime.now(ZoneOffset.UTC).minus(lockDuration.multipliedBy(2)));
        }
        int failures = unknown.incrementUnknownLoginFailures(tenantId, loginKey(login));
        if (failures < maxFailures) {
            return false;
        }
        unknown.lockUnknownLogin(tenantId, loginKey(login), OffsetDateTime.now(ZoneOffset.UTC).plus(lockDuration));
        return true;
    }

    private static String loginKey(String login) {
        return login.trim().toLowerCase(java.util.Locale.ROOT);
    }

    private void recordFailure(Actor actor, UUID userId, String reason) {
        db.runInTransaction(s -> {
            audit.record(s, actor.failure("auth.login", "user", userId, Map.of("reason", reason)));
        });
    }

    private static ApiException locked(long retryAfterSeconds) {
        return new ApiException(429, "account_locked", "Too many failed sign-ins. Try again later.",
                Map.of("retry_after_seconds", retryAfterSeconds),
                Map.of("Retry-After", Long.toString(retryAfterSeconds)));
    }

    private static ApiException invalidCredentials() {
        return new ApiException(401, "invalid_credentials", "Invalid login or password.");
    }

    private static String truncate(String s) {
        return Text.printable(s, 100);
    }
}
