package dev.justiam.server.web;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.justiam.server.audit.Actor;
import dev.justiam.server.audit.AuditLog;
import dev.justiam.server.auth.SessionMapper;
import dev.justiam.server.crypto.Secrets;
import dev.justiam.server.db.Database;
import dev.justiam.server.http.RequestContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.NewCookie;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The browser's single sign-on session: cookie {@value #COOKIE} carries an opaque random value,
 * the sessions table stores only its SHA-256. The row is the same one portal tokens name, so
 * ending it here also ends those tokens. Every protocol (OIDC, SAML) signs people in through this.
 */
public final class SsoSessions {

    public static final String COOKIE = "justiam_sso";
    /** How long a browser sign-in lasts before the password is asked again. */
    public static final Duration LIFETIME = Duration.ofHours(8);

    private static final Logger log = LoggerFactory.getLogger(SsoSessions.class);

    private final Database db;
    private final AuditLog audit;

    public SsoSessions(Database db, AuditLog audit) {
        this.db = db;
        this.audit = audit;
    }

    /** The live session of this browser for this tenant, if it has one and its user is active. */
    public Optional<SsoSession> current(HttpServletRequest request, RequestContext ctx) {
        String value = Cookies.read(request, COOKIE);
        if (value == null) {
            return Optional.empty();
        }
        SsoSessionRow row = db.read(s -> s.getMapper(WebMapper.class)
                .findLiveSsoSession(ctx.tenant().id(), Secrets.sha256Hex(value)));
        if (row == null) {
            return Optional.empty();
        }
        List<String> methods = row.authMethods() == null ? List.of() : List.copyOf(Arrays.asList(row.authMethods()));
        return Optional.of(new SsoSession(row.sessionId(), row.userId(), row.username(),
                row.authTime().toInstant(), methods));
    }

    /** Notes that the session signed the person into an application (for the Sessions API and logout). */
    public void recordApplication(UUID tenantId, UUID sessionId, UUID applicationId) {
        db.runInTransaction(s -> s.getMapper(WebMapper.class).upsertSessionApplication(tenantId, sessionId,
                applicationId));
    }

    /** Ends the session: the SSO cookie and every portal token naming it stop working on every node. */
    public void end(UUID tenantId, UUID sessionId) {
        end(new Actor(tenantId, null, null, null, null), sessionId);
    }

    /** As {@link #end(UUID, UUID)}, recording who ended it. */
    public void end(Actor actor, UUID sessionId) {
        db.runInTransaction(s -> {
            if (s.getMapper(SessionMapper.class).revokeSession(actor.tenantId(), sessionId) > 0) {
                audit.record(s, actor.success("auth.logout", "session", sessionId, null));
            }
        });
        log.debug("Ended SSO session {} of tenant {}", sessionId, actor.tenantId());
    }

    /** A fresh random cookie value; store only {@link #hash} of it. */
    public static String newValue() {
        return Secrets.randomToken(32);
    }

    public static String hash(String value) {
        return Secrets.sha256Hex(value);
    }

    /** The cookie that binds the browser to a session; it lives as long as the session. */
    public static NewCookie cookie(RequestContext ctx, String value) {
        return Cookies.set(ctx, COOKIE, value, "/", LIFETIME);
    }

    public static NewCookie clearCookie(RequestContext ctx) {
        return Cookies.clear(ctx, COOKIE, "/");
    }
}
