package dev.justiam.server.saml;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Optional;

import org.keycloak.rotation.HardcodedKeyLocator;
import org.keycloak.saml.common.exceptions.ProcessingException;
import org.keycloak.saml.processing.api.saml.v2.sig.SAML2Signature;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Checks signatures on messages from service providers: the query signature of the HTTP-Redirect
 * binding and the enveloped XML signature of the HTTP-POST binding. Only the whole message (the
 * root element) counts as signed, which defeats signature wrapping: a signature over some other
 * element proves nothing about the message we act on.
 */
public final class SamlSignatures {

    private SamlSignatures() {
    }

    /** The SP's signing certificate as stored on the application: PEM or bare base64 DER. */
    public static Optional<X509Certificate> spCertificate(String stored) {
        if (stored == null || stored.isBlank()) {
            return Optional.empty();
        }
        String body = stored.replaceAll("-----(BEGIN|END) CERTIFICATE-----", "").replaceAll("\\s", "");
        try {
            byte[] der = Base64.getDecoder().decode(body);
            return Optional.of((X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw SamlFailure.badRequest("sp_certificate_invalid",
                    "The application's signing certificate cannot be read; ask an administrator to check it.");
        }
    }

    /** True when the message carries a signature of its binding. */
    public static boolean isSigned(InboundMessage in, Document document) {
        if (in.binding() == InboundMessage.Binding.REDIRECT) {
            return in.signature() != null || in.sigAlg() != null;
        }
        return document.getElementsByTagNameNS(SamlConstants.NS_DSIG, "Signature").getLength() > 0;
    }

    /** Checks the signature of the message's binding with the SP's key, or fails. */
    public static void verify(InboundMessage in, Document document, PublicKey key, String messageParam) {
        if (in.binding() == InboundMessage.Binding.REDIRECT) {
            verifyQuery(in, key, messageParam);
        } else {
            verifyEnveloped(document, key);
        }
    }

    /**
     * SAML Bindings 3.4.4.1: the signature covers {@code SAMLRequest=..&RelayState=..&SigAlg=..} in
     * that order, built from the URL-encoded values exactly as they were sent.
     */
    static void verifyQuery(InboundMessage in, PublicKey key, String messageParam) {
        String jca = SamlConstants.jcaSignatureAlgorithm(in.sigAlg());
        if (jca == null || in.signature() == null) {
            throw SamlFailure.badRequest("signature_algorithm_refused",
                    "The request's signature algorithm is missing or not accepted.");
        }
        String message = rawParam(in.rawQuery(), messageParam);
        String relayState = rawParam(in.rawQuery(), SamlConstants.PARAM_RELAY_STATE);
        String sigAlg = rawParam(in.rawQuery(), SamlConstants.PARAM_SIG_ALG);
        StringBuilder signed = new StringBuilder(messageParam).append('=').append(message);
        if (relayState != null) {
            signed.append('&').append(SamlConstants.PARAM_RELAY_STATE).append('=').append(relayState);
        }
        signed.append('&').append(SamlConstants.PARAM_SIG_ALG).append('=').append(sigAlg);
        try {
            Signature verifier = Signature.getInstance(jca);
            verifier.initVerify(key);
            verifier.update(signed.toString().getBytes(StandardCharsets.UTF_8));
            byte[] sig = Base64.getDecoder().decode(in.signature().replaceAll("\\s", ""));
            if (!verifier.verify(sig)) {
                throw invalidSignature();
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw invalidSignature();
        }
    }

    /**
     * The one XML signature must be a child of the root element and reference the root's ID
     * (SAML Core 5.4.1, 5.4.2); anything else is refused before cryptographic validation.
     */
    static void verifyEnveloped(Document document, PublicKey key) {
        Element root = document.getDocumentElement();
        NodeList signatures = document.getElementsByTagNameNS(SamlConstants.NS_DSIG, "Signature");
        if (signatures.getLength() != 1) {
            throw invalidSignature();
        }
        Element signature = (Element) signatures.item(0);
        String id = root.getAttribute("ID");
        if (signature.getParentNode() != root || id.isEmpty() || !referencesOnly(signature, "#" + id)) {
            throw invalidSignature();
        }
        try {
            if (!new SAML2Signature().validate(document, new HardcodedKeyLocator(key))) {
                throw invalidSignature();
            }
        } catch (ProcessingException | RuntimeException e) {
            if (e instanceof SamlFailure f) {
                throw f;
            }
            throw invalidSignature();
        }
    }

    private static boolean referencesOnly(Element signature, String uri) {
        NodeList refs = signature.getElementsByTagNameNS(SamlConstants.NS_DSIG, "Reference");
        if (refs.getLength() != 1) {
            return false;
        }
        Node ref = refs.item(0);
        return ref instanceof Element e && uri.equals(e.getAttribute("URI"));
    }

    /** The value of a query parameter, still URL-encoded; null when absent. */
    static String rawParam(String rawQuery, String name) {
        if (rawQuery == null) {
            return null;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            if (key.equals(name)) {
                return eq < 0 ? "" : pair.substring(eq + 1);
            }
        }
        return null;
    }

    private static SamlFailure invalidSignature() {
        return SamlFailure.badRequest("invalid_signature", "The request's signature is not valid.");
    }
}
