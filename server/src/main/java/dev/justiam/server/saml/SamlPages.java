package dev.justiam.server.saml;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The HTML the SAML endpoints answer with: the auto-submitting form of the HTTP-POST binding
 * (SAML Bindings 3.5.4) and the error page. Nothing is cached, nothing may frame them.
 */
final class SamlPages {

    private static final SecureRandom RANDOM = new SecureRandom();

    private SamlPages() {
    }

    /** Posts {@code field}=message (and RelayState) to {@code action}; a button covers browsers without scripts. */
    static Response autoPost(String action, String field, String message, String relayState) {
        String nonce = nonce();
        StringBuilder html = new StringBuilder(message.length() + 1024)
                .append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<title>Signing in</title></head><body>")
                .append("<form method=\"post\" action=\"").append(escape(action)).append("\">")
                .append("<input type=\"hidden\" name=\"").append(field).append("\" value=\"")
                .append(escape(message)).append("\">");
        if (relayState != null) {
            html.append("<input type=\"hidden\" name=\"").append(SamlConstants.PARAM_RELAY_STATE)
                    .append("\" value=\"").append(escape(relayState)).append("\">");
        }
        html.append("<noscript><p>Your browser does not run scripts; press Continue.</p></noscript>")
                .append("<button type=\"submit\">Continue</button></form>")
                .append("<script nonce=\"").append(nonce).append("\">document.forms[0].submit();</script>")
                .append("</body></html>");
        return html(200, html.toString())
                .header("Content-Security-Policy", "default-src 'none'; script-src 'nonce-" + nonce + "'; "
                        + "form-action " + formAction(action) + "; frame-ancestors 'none'; base-uri 'none'")
                .build();
    }

    static Response error(int status, String message) {
        String html = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>Sign-in failed</title></head><body><main><h1>Sign-in failed</h1>"
                + "<p class=\"error\">" + escape(message) + "</p></main></body></html>";
        return html(status, html)
                .header("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'; base-uri 'none'")
                .build();
    }

    static Response redirect(String location) {
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.seeOther(URI.create(location)).cacheControl(noStore).build();
    }

    private static Response.ResponseBuilder html(int status, String body) {
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.status(status).type(new MediaType("text", "html", StandardCharsets.UTF_8.name()))
                .cacheControl(noStore)
                .header("Pragma", "no-cache")
                .header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "no-referrer")
                .entity(body);
    }

    /** CSP source for the form target: scheme, host, port and path, no query. */
    private static String formAction(String action) {
        URI uri = URI.create(action);
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        return uri.getScheme() + "://" + uri.getRawAuthority() + path.replace(";", "%3B").replace(",", "%2C");
    }

    private static String nonce() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return Base64.getEncoder().encodeToString(b);
    }

    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (char c : s.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
