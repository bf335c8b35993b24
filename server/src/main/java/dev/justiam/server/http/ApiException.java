package dev.justiam.server.http;

import java.util.Map;

/**
 * A failure the client caused or may react to, rendered as the error envelope
 * {@code {"code", "message", "details"}}. Services throw it; they never see HTTP types otherwise.
 */
public class ApiException extends RuntimeException {

    private final int status;
    private final String code;
    private final Map<String, Object> details;
    private final Map<String, String> headers;

    public ApiException(int status, String code, String message) {
        this(status, code, message, Map.of(), Map.of());
    }

    public ApiException(int status, String code, String message, Map<String, Object> details) {
        this(status, code, message, details, Map.of());
    }

    public ApiException(int status, String code, String message, Map<String, Object> details,
            Map<String, String> headers) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.details = details;
        this.headers = headers;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Map<String, Object> details() {
        return details;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public static ApiException notFound(String what) {
        return new ApiException(404, "not_found", what + " not found.");
    }

    public static ApiException conflict(String message, String field) {
        return new ApiException(409, "conflict", message, field == null ? Map.of() : Map.of("field", field));
    }

    public static ApiException badRequest(String message) {
        return new ApiException(400, "bad_request", message);
    }

    public static ApiException unauthenticated() {
        return new ApiException(401, "unauthenticated", "A valid bearer token is required.",
                Map.of(), Map.of("WWW-Authenticate", "Bearer"));
    }

    public static ApiException forbidden(String permission) {
        return new ApiException(403, "forbidden", "Missing permission: " + permission,
                Map.of("permission", permission));
    }
}
