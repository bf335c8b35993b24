package dev.justiam.server.web;

import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheFactory;
import dev.justiam.server.db.Database;
import dev.justiam.server.http.RequestContext;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

/**
 * Server-rendered pages: Mustache templates under {@code templates/} (every value HTML-escaped),
 * branded per tenant, readable on a phone, no JavaScript. Responses are never cached and never
 * framed.
 */
public final class Pages {

    public static final String SIGN_IN = "sign-in";
    public static final String CONSENT = "consent";
    public static final String SIGN_OUT = "sign-out";
    public static final String MESSAGE = "message";
    public static final String ERROR = "error";
    public static final String ACCOUNT = "account";
    public static final String FORM_POST = "form-post";

    private static final Duration BRANDING_TTL = Duration.ofSeconds(30);
    private static final MediaType HTML = MediaType.valueOf("text/html; charset=utf-8");
    private static final CacheControl NO_STORE = CacheControl.valueOf("no-store");
    private static final String CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src https: http: data:; "
            + "frame-ancestors 'none'; base-uri 'none'";

    private record CachedBranding(Branding branding, Instant until) {
    }

    private final MustacheFactory mustache = new DefaultMustacheFactory("templates");
    private final Database db;
    private final ConcurrentHashMap<UUID, CachedBranding> brandings = new ConcurrentHashMap<>();

    public Pages(Database db) {
        this.db = db;
    }

    /** Renders {@code templates/<template>.mustache} with the tenant's branding and the model. */
    public Response render(RequestContext ctx, int status, String template, Map<String, Object> model,
            NewCookie... cookies) {
        return render(ctx, status, template, model, CSP, cookies);
    }

    /**
     * A page telling the person something went wrong, with no way back to the client: used when a
     * redirect would be unsafe (an unknown client, an unregistered redirect URI).
     */
    public Response error(RequestContext ctx, int status, String title, String message) {
        return render(ctx, status, ERROR, Map.of("title", title, "message", message));
    }

    /**
     * The OAuth 2.0 Form Post Response Mode page: a form that posts the response to the client. It
     * submits itself where scripts run; a button does it otherwise.
     */
    public Response formPost(RequestContext ctx, String action, Map<String, String> fields) {
        var list = fields.entrySet().stream().map(e -> Map.of("name", e.getKey(), "value", e.getValue())).toList();
        String csp = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; "
                + "frame-ancestors 'none'; base-uri 'none'";
        return render(ctx, 200, FORM_POST, Map.of("title", "Continue", "action", action, "fields", list), csp);
    }

    public Branding branding(RequestContext ctx) {
        UUID tenantId = ctx.tenant().id();
        CachedBranding hit = brandings.get(tenantId);
        if (hit != null && hit.until().isAfter(Instant.now())) {
            return hit.branding();
        }
        BrandingRow row = db.read(s -> s.getMapper(WebMapper.class).findBranding(tenantId));
        Branding branding = Branding.of(ctx.tenant().name(), row);
        brandings.put(tenantId, new CachedBranding(branding, Instant.now().plus(BRANDING_TTL)));
        return branding;
    }

    private Response render(RequestContext ctx, int status, String template, Map<String, Object> model, String csp,
            NewCookie... cookies) {
        Map<String, Object> scope = new HashMap<>(model);
        scope.put("brand", branding(ctx));
        scope.putIfAbsent("title", branding(ctx).productName());
        Mustache page = mustache.compile(template + ".mustache");
        StringWriter out = new StringWriter();
        page.execute(out, scope);
        Response.ResponseBuilder b = Response.status(status).type(HTML).entity(out.toString())
                .cacheControl(NO_STORE)
                .header("Pragma", "no-cache")
                .header("X-Frame-Options", "DENY")
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer")
                .header("Content-Security-Policy", csp);
        for (NewCookie c : cookies) {
            if (c != null) {
                b.cookie(c);
            }
        }
        return b.build();
    }
}
