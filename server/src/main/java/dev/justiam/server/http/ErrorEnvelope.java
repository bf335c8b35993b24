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

    /** The envelope for a bare HTTP status, when nothing more specific is known. */
    public static Response forStatus(int status) {
        return response(status, codeFor(status), messageFor(status), null);
    }

    /** The body of {@link #forStatus} as a map, for writers outside JAX-RS. */
    public static Map<String, Object> bodyForStatus(int status) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", codeFor(status));
        body.put("message", messageFor(status));
        return body;
    }

    private static String codeFor(int status) {
        return switch (status) {
            case 401 -> "unauthenticated";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 406 -> "not_acceptable";
            case 413 -> "payload_too_large";
            case 415 -> "unsupported_media_type";
            default -> status >= 500 ? "internal_error" : "bad_request";
        };
    }

    private static String messageFor(int status) {
        return switch (status) {
            case 400 -> "The request is malformed.";
            case 401 -> "A valid bearer token is required.";
            case 403 -> "Forbidden.";
            case 404 -> "Not found.";
            case 405 -> "Method not allowed for this path.";
            case 406 -> "Only application/json responses are offered.";
            case 413 -> "The request is too large.";
            case 415 -> "Content type must be application/json.";
            default -> status >= 500 ? "An unexpected error occurred." : "The request cannot be served.";
        };
    }

    public static Response of(ApiException e) {
        Response.ResponseBuilder rb = Response.fromResponse(response(e.status(), e.code(), e.getMessage(), e.details()));
        e.headers().forEach(rb::header);
        return rb.build();
    }
}
