package dev.justiam.server.auth;

import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;

import dev.justiam.server.db.Database;
import dev.justiam.server.http.ApiException;
import dev.justiam.server.http.RequestContext;
import dev.justiam.server.roles.AdminRoleMapper;
import dev.justiam.server.users.UserRow;

/**
 * Turns an {@code Authorization: Bearer} header into a principal: a portal token whose session is
 * live and whose user is active, with the permissions the user holds at this moment.
 */
public final class Authenticator {

    private static final String BEARER = "bearer ";

    private final Database db;
    private final PortalTokens tokens;

    public Authenticator(Database db, PortalTokens tokens) {
        this.db = db;
        this.tokens = tokens;
    }

    public Principal authenticate(RequestContext ctx, String authorization) {
        String token = bearerToken(authorization).orElseThrow(ApiException::unauthenticated);
        PortalTokens.Claims claims = tokens.verify(ctx.tenant().id(), token).orElseThrow(ApiException::unauthenticated);
        return db.inTransaction(s -> {
            SessionRow session = s.getMapper(SessionMapper.class).findLiveSession(claims.tenantId(), claims.sessionId());
            if (session == null || !session.userId().equals(claims.userId())
                    || !UserRow.ACTIVE.equals(session.userStatus())) {
                throw ApiException.unauthenticated();
            }
            s.getMapper(SessionMapper.class).touchSession(session.id());
            var permissions = new HashSet<>(
                    s.getMapper(AdminRoleMapper.class).findPermissionsOfUser(claims.tenantId(), claims.userId()));
            return new Principal(claims.tenantId(), claims.userId(), session.username(), session.id(), permissions);
        });
    }

    static Optional<String> bearerToken(String header) {
        if (header == null || header.length() <= BEARER.length()
                || !header.substring(0, BEARER.length()).toLowerCase(Locale.ROOT).equals(BEARER)) {
            return Optional.empty();
        }
        String token = header.substring(BEARER.length()).trim();
        return token.isEmpty() || token.length() > 8192 ? Optional.empty() : Optional.of(token);
    }
}
