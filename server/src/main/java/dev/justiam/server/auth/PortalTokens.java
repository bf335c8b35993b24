package dev.justiam.server.auth;

import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.justiam.server.crypto.Secrets;
import dev.justiam.server.keys.SigningKeys;

/**
 * Portal JWTs: RS256, signed with the tenant's active key, naming the tenant ({@code tid}) and the
 * session ({@code sid}). The signature and expiry prove little on their own: the session row decides
 * whether the token still works, so logout, disable and delete end it at once on every node.
 */
public final class PortalTokens {

    public static final String AUDIENCE = "justiam-portal";
    private static final JOSEObjectType TYPE = new JOSEObjectType("portal+jwt");

    private final SigningKeys keys;
    private final Duration lifetime;

    public PortalTokens(SigningKeys keys, Duration lifetime) {
        this.keys = keys;
        this.lifetime = lifetime;
    }

    public record Claims(UUID tenantId, UUID userId, UUID sessionId) {
    }

    public Duration lifetime() {
        return lifetime;
    }

    public String issue(String issuer, UUID tenantId, UUID userId, UUID sessionId, Instant expiresAt) {
        RSAKey key = keys.activeKey(tenantId);
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(userId.toString())
                .audience(AUDIENCE)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(expiresAt))
                .jwtID(Secrets.randomToken(16))
                .claim("tid", tenantId.toString())
                .claim("sid", sessionId.toString())
                .build();
        try {
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(TYPE).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("Token signing failed", e);
        }
    }

    /** The claims when the token is well formed, signed by this tenant, unexpired and meant for the portal. */
    public Optional<Claims> verify(UUID tenantId, String token) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            JWSHeader header = jwt.getHeader();
            if (!JWSAlgorithm.RS256.equals(header.getAlgorithm()) || !TYPE.equals(header.getType())) {
                return Optional.empty();
            }
            Optional<RSAKey> key = keys.verificationKey(tenantId, header.getKeyID());
            if (key.isEmpty() || !jwt.verify(new RSASSAVerifier(key.get()))) {
                return Optional.empty();
            }
            JWTClaimsSet c = jwt.getJWTClaimsSet();
            if (c.getExpirationTime() == null || c.getExpirationTime().toInstant().isBefore(Instant.now())
                    || c.getAudience() == null || !c.getAudience().contains(AUDIENCE)
                    || !tenantId.toString().equals(c.getStringClaim("tid"))) {
                return Optional.empty();
            }
            return Optional.of(new Claims(tenantId, UUID.fromString(c.getSubject()),
                    UUID.fromString(c.getStringClaim("sid"))));
        } catch (ParseException | JOSEException | IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }
}
