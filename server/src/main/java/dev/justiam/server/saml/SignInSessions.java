package dev.justiam.server.saml;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import dev.justiam.server.http.RequestContext;
import jakarta.servlet.http.HttpServletRequest;

/**
 * What the SAML endpoints need from the single sign-on session shared with OIDC and the pages:
 * who is signed in on this browser, where the sign-in page is, and recording or ending the
 * session's use.
 */
public interface SignInSessions {

    record SignedIn(UUID sessionId, UUID userId, Instant authenticatedAt) {
    }

    Optional<SignedIn> current(HttpServletRequest request, RequestContext ctx);

    /** The sign-in page's local path that returns to {@code returnTo}, asking again when forced. */
    String signInPath(String returnTo, boolean forceLogin);

    void recordApplication(UUID tenantId, UUID sessionId, UUID applicationId);

    void end(UUID tenantId, UUID sessionId);
}
