package dev.justiam.server.saml;

/**
 * A SAML request that cannot be served. It is always shown on the error page (never sent to an
 * address the request named), logged and audited. {@code reason} is a short machine code for the
 * log and the audit record; {@code message} is what the person reads and carries no internals.
 */
public final class SamlFailure extends RuntimeException {

    private final String reason;
    private final int status;

    private SamlFailure(String reason, String message, int status, Throwable cause) {
        super(message, cause, false, false);
        this.reason = reason;
        this.status = status;
    }

    public static SamlFailure badRequest(String reason, String message) {
        return new SamlFailure(reason, message, 400, null);
    }

    public static SamlFailure badRequest(String reason, String message, Throwable cause) {
        return new SamlFailure(reason, message, 400, cause);
    }

    public static SamlFailure notFound(String reason, String message) {
        return new SamlFailure(reason, message, 404, null);
    }

    public static SamlFailure forbidden(String reason, String message) {
        return new SamlFailure(reason, message, 403, null);
    }

    /** Something broke on our side; the person sees only the id that the log also carries. */
    public static SamlFailure internal(String errorId) {
        return new SamlFailure("internal_error", "An unexpected error occurred (reference " + errorId + ").", 500,
                null);
    }

    public String reason() {
        return reason;
    }

    public int status() {
        return status;
    }
}
