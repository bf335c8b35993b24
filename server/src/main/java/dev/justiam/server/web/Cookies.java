package dev.justiam.server.web;

import java.time.Duration;

import dev.justiam.server.http.RequestContext;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.NewCookie;

/** Reading and writing the browser cookies of the pages: HttpOnly, SameSite=Lax, Secure on https. */
public final class Cookies {

    private Cookies() {
    }

    /** The value of the named cookie, or null; an absurdly long value counts as absent. */
    public static String read(HttpServletRequest request, String name) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie c : cookies) {
            if (name.equals(c.getName()) && c.getValue() != null && !c.getValue().isEmpty()
                    && c.getValue().length() <= 4096) {
                return c.getValue();
            }
        }
        return null;
    }

    /** A cookie for the whole site; {@code maxAge} null makes it last for the browser session. */
    public static NewCookie set(RequestContext ctx, String name, String value, String path, Duration maxAge) {
        NewCookie.Builder b = new NewCookie.Builder(name).value(value).path(path).httpOnly(true)
                .secure(isHttps(ctx)).sameSite(NewCookie.SameSite.LAX);
        if (maxAge != null) {
            b.maxAge((int) maxAge.toSeconds());
        }
        return b.build();
    }

    public static NewCookie clear(RequestContext ctx, String name, String path) {
        return new NewCookie.Builder(name).value("").path(path).httpOnly(true).secure(isHttps(ctx))
                .sameSite(NewCookie.SameSite.LAX).maxAge(0).build();
    }

    private static boolean isHttps(RequestContext ctx) {
        return ctx.publicUrl().startsWith("https://");
    }
}
