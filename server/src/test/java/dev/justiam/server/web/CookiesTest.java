package dev.justiam.server.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;

import dev.justiam.server.http.RequestContext;
import dev.justiam.server.tenancy.Tenant;
import jakarta.ws.rs.core.NewCookie;
import org.junit.jupiter.api.Test;

class CookiesTest {

    private static RequestContext at(String publicUrl) {
        return new RequestContext(new Tenant(UUID.randomUUID(), "t", "T", null), publicUrl, "127.0.0.1", "test");
    }

    @Test
    void ssoCookieWhenHttpsThenSecureHttpOnlyLax() {
        NewCookie c = SsoSessions.cookie(at("https://id.example.com"), "v");
        assertTrue(c.isSecure());
        assertTrue(c.isHttpOnly());
        assertEquals(NewCookie.SameSite.LAX, c.getSameSite());
        assertEquals("/", c.getPath());
    }

    @Test
    void ssoCookieWhenPlainHttpThenNotSecure() {
        assertFalse(SsoSessions.cookie(at("http://localhost:8080"), "v").isSecure());
    }
}
