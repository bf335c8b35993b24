package dev.justiam.server.http;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Builds responses in the seed's error shape; the one place that shape is written. */
public final class ErrorEnvelope {

    private ErrorEnvelope() {
    }

    public static Response response(int status, String code, String message, Map<String, ?> details) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("message", message);
        if (details != null && !details.isEmpty()) {
            body.put("details", details);
        }
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }

    private record Plain(String code, String message) {
    }

    /** The envelope for a bare HTTP status, when nothing more specific is known. */
    public static Response forStatus(int status) {
        Plain plain = plain(status);
        return response(status, plain.code(), plain.message(), null);
    }

    /** The body of {@link #forStatus} as a map, for writers outside JAX-RS. */
    public static Map<String, Object> bodyForStatus(int status) {
        Plain plain = plain(status);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", plain.code());
        body.put("message", plain.message());
        return body;
    }

    private static Plain plain(int status) {
        return switch (status) {
            case 400 -> new Plain("bad_request", "The request is malformed.");
            case 401 -> new Plain("unauthenticated", "A valid bearer token is required.");
            case 403 -> new Plain("forbidden", "Forbidden.");
            case 404 -> new Plain("not_found", "Not found.");
            case 405 -> new Plain("method_not_allowed", "Method not allowed for this path.");
            case 406 -> new Plain("not_acceptable", "Only application/json responses are offered.");
            case 413 -> new Plain("payload_too_large", "The request is too large.");
            case 415 -> new Plain("unsupported_media_type", "Content type must be application/json.");
            default -> status >= 500
                    ? new Plain("internal_error", "An unexpected error occurred.")
                    : new Plain("bad_request", "The request cannot be served.");
        };
    }

    public static Response of(ApiException e) {
        Response.ResponseBuilder rb = Response.fromResponse(response(e.status(), e.code(), e.getMessage(), e.details()));
        e.headers().forEach(rb::header);
        return rb.build();
    }
}
