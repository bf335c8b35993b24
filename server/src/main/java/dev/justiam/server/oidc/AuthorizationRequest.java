package dev.justiam.server.oidc;

import java.util.List;
import java.util.Set;

import dev.justiam.server.applications.ApplicationRow;
import jakarta.ws.rs.core.MultivaluedMap;

/** A validated authorization request (RFC 6749 §4.1.1, OIDC Core §3.1.2.1), and the raw parameters it came from. */
public record AuthorizationRequest(
        ApplicationRow app,
        String redirectUri,
        String responseMode,
        List<String> scopes,
        String state,
        String nonce,
        Set<String> prompt,
        Integer maxAge,
        String loginHint,
        String codeChallenge,
        MultivaluedMap<String, String> params) {

    public String scope() {
        return Scopes.join(scopes);
    }
}
