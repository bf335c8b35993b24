package dev.justiam.server.oidc;

import dev.justiam.server.applications.ApplicationMapper;
import dev.justiam.server.applications.ApplicationRow;
import dev.justiam.server.db.Constraints;
import dev.justiam.server.db.Database;
import dev.justiam.server.http.RequestContext;

/**
 * The account page's own OIDC client, created in each tenant on first use: public, PKCE, no consent.
 * Its redirect URIs are not stored but derived from the tenant's public URL on each request, so the
 * same tenant reached under another configured host still works.
 */
public final class FirstPartyClient {

    public static final String CLIENT_ID = ApplicationRow.ACCOUNT_CLIENT_ID;
    public static final String CALLBACK_PATH = "/account/callback";
    public static final String AFTER_LOGOUT_PATH = "/account";

    private final Database db;

    public FirstPartyClient(Database db) {
        this.db = db;
    }

    public static boolean is(ApplicationRow app) {
        return CLIENT_ID.equals(app.clientId());
    }

    public static String redirectUri(RequestContext ctx) {
        return ctx.publicUrl() + CALLBACK_PATH;
    }

    public static String postLogoutRedirectUri(RequestContext ctx) {
        return ctx.publicUrl() + AFTER_LOGOUT_PATH;
    }

    /** The tenant's account client, creating it when it does not exist yet. */
    public ApplicationRow ensure(RequestContext ctx) {
        ApplicationRow found = find(ctx);
        if (found != null) {
            return found;
        }
        ApplicationRow row = new ApplicationRow(Database.newId(), ctx.tenant().id(), ApplicationRow.OIDC,
                "Account", "The built-in account page.", null, null, true, false,
                CLIENT_ID, null, ApplicationRow.PUBLIC, OAuth2.NONE, new String[0], new String[0],
                new String[] {OAuth2.AUTHORIZATION_CODE}, new String[] {OAuth2.OPENID, OAuth2.PROFILE, OAuth2.EMAIL},
                true, false, 300, 300, 3600, null, null,
                null, new String[0], null, null, true, true, null, false, "[]", false, null, null);
        try {
            db.runInTransaction(s -> s.getMapper(ApplicationMapper.class).insertApplication(row));
        } catch (RuntimeException e) {
            if (Constraints.uniqueViolation(e).isEmpty()) {
                throw e;
            }
        }
        return find(ctx);
    }

    private ApplicationRow find(RequestContext ctx) {
        return db.read(s -> s.getMapper(ApplicationMapper.class).findApplicationByClientId(ctx.tenant().id(),
                CLIENT_ID));
    }
}
