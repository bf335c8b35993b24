package dev.justiam.server.web;

import java.time.Duration;

import dev.justiam.server.crypto.Secrets;
import dev.justiam.server.http.RequestContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.NewCookie;

/**
 * Cross-site request forgery protection for every form: a random token in a pre-session cookie,
 * repeated in a hidden form field. Another site can make the browser send the cookie but cannot
 * read it, so it cannot put the matching value in the form. Compared in constant time.
 */
public final class Csrf {

    public static final String COOKIE = "justiam_csrf";
    public static final String FIELD = "csrf_token";
    private static final Duration LIFETIME = Duration.ofHours(12);

    private Csrf() {
    }

    /** The token a form carries; {@code cookie} is non-null when the browser must be given one first. */
    public record Token(String value, NewCookie cookie) {
    }

    public static Token token(HttpServletRequest request, RequestContext ctx) {
        String existing = Cookies.read(request, COOKIE);
        if (existing != null && existing.length() >= 32) {
            return new Token(existing, null);
        }
        String fresh = Secrets.randomToken(32);
        return new Token(fresh, Cookies.set(ctx, COOKIE, fresh, "/", LIFETIME));
    }

    /** True when the submitted form field matches this browser's CSRF cookie. */
    public static boolean valid(HttpServletRequest request, String submitted) {
        String cookie = Cookies.read(request, COOKIE);
        return cookie != null && submitted != null && Secrets.constantTimeEquals(cookie, submitted);
    }
}
