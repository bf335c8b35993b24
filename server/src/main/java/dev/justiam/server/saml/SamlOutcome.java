package dev.justiam.server.saml;

/** What a SAML endpoint answers with once the service has decided. */
sealed interface SamlOutcome {

    /** An auto-submitting form of the HTTP-POST binding to an address the application registered. */
    record Post(String action, String field, String message, String relayState) implements SamlOutcome {
    }

    /** A message to an address the application registered, over the HTTP-Redirect binding. */
    record RedirectBinding(String url) implements SamlOutcome {
    }

    /** A trip through the sign-in page: a local path on this server. */
    record Redirect(String path) implements SamlOutcome {
    }
}
