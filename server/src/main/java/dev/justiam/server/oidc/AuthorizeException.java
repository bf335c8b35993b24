package dev.justiam.server.oidc;

/**
 * An authorization request that fails. With a {@code redirectUri} the error goes back to the
 * client (RFC 6749 §4.1.2.1); without one (unknown client, unregistered redirect URI) the person
 * sees an error page and is never redirected.
 */
final class AuthorizeException extends RuntimeException {

    final String error;
    final String description;
    final String redirectUri;
    final String responseMode;
    final String state;

    private AuthorizeException(String error, String description, String redirectUri, String responseMode,
            String state) {
        super(description, null, false, false);
        this.error = error;
        this.description = description;
        this.redirectUri = redirectUri;
        this.responseMode = responseMode;
        this.state = state;
    }

    static AuthorizeException page(String description) {
        return new AuthorizeException(OAuth2.INVALID_REQUEST, description, null, null, null);
    }

    static AuthorizeException redirect(String error, String description, String redirectUri, String responseMode,
            String state) {
        return new AuthorizeException(error, description, redirectUri, responseMode, state);
    }

    static AuthorizeException redirect(AuthorizationRequest req, String error, String description) {
        return redirect(error, description, req.redirectUri(), req.responseMode(), req.state());
    }

    boolean redirects() {
        return redirectUri != null;
    }
}
