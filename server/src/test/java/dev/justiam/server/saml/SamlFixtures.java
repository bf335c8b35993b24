package dev.justiam.server.saml;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

import dev.justiam.server.keys.KeyCertificates;
import dev.justiam.server.testing.Api;
import dev.justiam.server.testing.TestServer;

/** Service providers registered through the Applications API, and SAML requests as they would send them. */
final class SamlFixtures {

    private SamlFixtures() {
    }

    /** An SP's signing key and its self-signed certificate (base64 DER). */
    record SpKeys(KeyPair pair, String certificate) {

        static SpKeys generate() {
            try {
                KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
                gen.initialize(2048);
                KeyPair pair = gen.generateKeyPair();
                return new SpKeys(pair, KeyCertificates.selfSigned(pair, "sp-" + UUID.randomUUID()));
            } catch (java.security.GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        String certificatePem() {
            return pem("CERTIFICATE", certificate);
        }

        String privateKeyPem() {
            return pem("PRIVATE KEY", Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()));
        }

        private static String pem(String type, String base64) {
            return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes())
                    .encodeToString(Base64.getDecoder().decode(base64)) + "\n-----END " + type + "-----\n";
        }
    }

    /** A registered SP; {@code settings} adds to or overrides the SAML settings. */
    record Sp(String id, String entityId, String acsUrl, String sloUrl) {

        String sso() {
            return "/saml/" + id + "/sso";
        }

        String slo() {
            return "/saml/" + id + "/slo";
        }

        String ssoUrl() {
            return TestServer.baseUrl() + sso();
        }

        String sloEndpointUrl() {
            return TestServer.baseUrl() + slo();
        }
    }

    static Sp createSp(String admin, Map<String, Object> settings, boolean assignmentRequired) {
        String entityId = "https://" + Api.unique("sp") + ".example.test/saml";
        String acs = entityId + "/acs";
        String slo = entityId + "/slo";
        Map<String, Object> saml = new HashMap<>();
        saml.put("entity_id", entityId);
        saml.put("acs_urls", List.of(acs));
        saml.put("slo_url", slo);
        saml.putAll(settings);
        String id = Api.as(admin)
                .body(Map.of("protocol", "saml", "name", Api.unique("saml-app"), "assignment_required",
                        assignmentRequired, "saml", saml))
                .post("/api/v1/applications").then().statusCode(201).extract().path("id");
        return new Sp(id, entityId, acs, slo);
    }

    static String authnRequest(Sp sp, String id, Instant issued, String acsUrl) {
        return "<samlp:AuthnRequest xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\" "
                + "xmlns:saml=\"urn:oasis:names:tc:SAML:2.0:assertion\" ID=\"" + id + "\" Version=\"2.0\" "
                + "IssueInstant=\"" + issued + "\" Destination=\"" + sp.ssoUrl() + "\" "
                + (acsUrl == null ? "" : "AssertionConsumerServiceURL=\"" + acsUrl + "\" ")
                + "ProtocolBinding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST\">"
                + "<saml:Issuer>" + sp.entityId() + "</saml:Issuer></samlp:AuthnRequest>";
    }

    static String authnRequest(Sp sp, String id) {
        return authnRequest(sp, id, Instant.now(), sp.acsUrl());
    }

    static String newId() {
        return "_" + UUID.randomUUID();
    }

    static String deflateBase64(String xml) {
        return deflateBase64(xml.getBytes(StandardCharsets.UTF_8));
    }

    static String deflateBase64(byte[] data) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
            try (DeflaterOutputStream z = new DeflaterOutputStream(out, deflater)) {
                z.write(data);
            }
            return Base64.getEncoder().encodeToString(out.toByteArray());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String base64(String xml) {
        return Base64.getEncoder().encodeToString(xml.getBytes(StandardCharsets.UTF_8));
    }

    /** The HTTP-Redirect query (SAML Bindings 3.4.4.1), signed with RSA-SHA256 when a key is given. */
    static String redirectQuery(String param, String xml, String relayState, PrivateKey key) {
        StringBuilder q = new StringBuilder(param).append('=').append(enc(deflateBase64(xml)));
        if (relayState != null) {
            q.append("&RelayState=").append(enc(relayState));
        }
        if (key != null) {
            q.append("&SigAlg=").append(enc(SamlConstants.SIG_RSA_SHA256));
            try {
                Signature s = Signature.getInstance("SHA256withRSA");
                s.initSign(key);
                s.update(q.toString().getBytes(StandardCharsets.UTF_8));
                q.append("&Signature=").append(enc(Base64.getEncoder().encodeToString(s.sign())));
            } catch (java.security.GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
        return q.toString();
    }

    static String enc(String v) {
        return URLEncoder.encode(v, StandardCharsets.UTF_8);
    }
}
