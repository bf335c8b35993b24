package dev.justiam.server.saml;

/**
 * A SAML protocol message as it arrived, before any decoding. For the HTTP-Redirect binding
 * {@code rawQuery} is the query string exactly as sent, which the query signature covers
 * (SAML Bindings 3.4.4.1).
 */
public record InboundMessage(Binding binding, String encoded, String relayState, String sigAlg, String signature,
        String rawQuery) {

    public enum Binding { REDIRECT, POST }

    public static InboundMessage redirect(String encoded, String relayState, String sigAlg, String signature,
            String rawQuery) {
        return new InboundMessage(Binding.REDIRECT, encoded, relayState, sigAlg, signature, rawQuery);
    }

    public static InboundMessage post(String encoded, String relayState) {
        return new InboundMessage(Binding.POST, encoded, relayState, null, null, null);
    }
}
