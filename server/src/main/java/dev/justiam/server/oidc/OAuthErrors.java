package dev.justiam.server.oidc;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.justiam.server.http.ProtocolErrorException;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Errors in the RFC 6749 §5.2 shape, thrown as {@link ProtocolErrorException}s the error mapper passes on. */
public final class OAuthErrors {

    static final CacheControl NO_STORE = CacheControl.valueOf("no-store");

    private OAuthErrors() {
    }

    /** A JSON error body with the given status; never cached. */
    public static ProtocolErrorException json(int status, String error, String description) {
        return new ProtocolErrorException(jsonResponse(status, error, description).build());
    }

    public static ProtocolErrorException badRequest(String error, String description) {
        return json(400, error, description);
    }

    /**
     * Client authentication failed. RFC 6749 §5.2: 401 with a WWW-Authenticate challenge for the
     * scheme the client may use (HTTP Basic).
     */
    public static ProtocolErrorException invalidClient(String issuer, String description) {
        return new ProtocolErrorException(jsonResponse(401, OAuth2.INVALID_CLIENT, description)
                .header("WWW-Authenticate", "Basic realm=\"" + issuer + "\", charset=\"UTF-8\"").build());
    }

    /** A bearer token was missing or bad (RFC 6750 §3). */
    public static ProtocolErrorException invalidToken(String issuer, String error, String description, int status) {
        StringBuilder challenge = new StringBuilder("Bearer realm=\"").append(issuer).append('"');
        if (error != null) {
            challenge.append(", error=\"").append(error).append('"');
            if (description != null) {
                challenge.append(", error_description=\"").append(description.replace("\"", "'")).append('"');
            }
        }
        Response.ResponseBuilder b = error == null
                ? Response.status(status).cacheControl(NO_STORE)
                : jsonResponse(status, error, description);
        return new ProtocolErrorException(b.header("WWW-Authenticate", challenge.toString()).build());
    }

    static Response.ResponseBuilder jsonResponse(int status, String error, String description) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(OAuth2.ERROR, error);
        if (description != null) {
            body.put(OAuth2.ERROR_DESCRIPTION, description);
        }
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).cacheControl(NO_STORE)
                .header("Pragma", "no-cache");
    }
}
