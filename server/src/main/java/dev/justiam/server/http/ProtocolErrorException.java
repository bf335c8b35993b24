package dev.justiam.server.http;

import jakarta.ws.rs.core.Response;

/**
 * A failure on a protocol endpoint (OAuth, OIDC, SAML) that already carries its own response in
 * that protocol's shape; the error mapper passes it through untouched.
 */
public class ProtocolErrorException extends RuntimeException {

    private final transient Response response;

    public ProtocolErrorException(Response response) {
        super(null, null, false, false);
        this.response = response;
    }

    public Response response() {
        return response;
    }
}
