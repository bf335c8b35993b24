package dev.justiam.server.keys;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;

import org.keycloak.common.util.CertificateUtils;

/**
 * Self-signed X.509 certificates for signing keys. SAML publishes keys as certificates; the
 * certificate carries no trust of its own (service providers pin it from our metadata), so it is
 * self-signed and long-lived, and retires with its key. Needs Keycloak's crypto integration,
 * which the server initialises at start-up.
 */
public final class KeyCertificates {

    private static final Duration VALIDITY = Duration.ofDays(3650);
    private static final SecureRandom RANDOM = new SecureRandom();

    private KeyCertificates() {
    }

    /** A self-signed certificate of the pair, as stored: base64 DER without PEM armour. */
    public static String selfSigned(KeyPair pair, String subject) {
        X509Certificate cert = CertificateUtils.generateV1SelfSignedCertificate(pair, subject,
                new BigInteger(64, RANDOM).abs(), Date.from(Instant.now().plus(VALIDITY)));
        try {
            return Base64.getEncoder().encodeToString(cert.getEncoded());
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException("Certificate cannot be encoded", e);
        }
    }

    public static X509Certificate parse(String stored) {
        try {
            byte[] der = Base64.getMimeDecoder().decode(stored);
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException | IllegalArgumentException e) {
            throw new IllegalStateException("Stored certificate cannot be read", e);
        }
    }
}
