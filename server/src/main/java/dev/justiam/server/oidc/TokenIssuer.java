package dev.justiam.server.oidc;

import java.text.ParseException;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
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
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.openid.connect.sdk.claims.AccessTokenHash;
import dev.justiam.server.keys.SigningKeys;

/**
 * Mints and checks the JWTs the provider issues, signed RS256 with the tenant's active key:
 * access tokens per RFC 9068 ({@code typ: at+jwt}) and ID tokens per OIDC Core §2.
 */
public final class TokenIssuer {

    public static final JOSEObjectType ACCESS_TOKEN_TYPE = new JOSEObjectType("at+jwt");

    private final SigningKeys keys;

    public TokenIssuer(SigningKeys keys) {
        this.keys = keys;
    }

    /** What an access token says about itself. */
    public record AccessClaims(String jti, String subject, String clientId, String scope, Instant expiresAt) {
    }

    /** RFC 9068 §2.2: iss, exp, aud, sub, client_id, iat, jti; plus scope, auth_time and roles. */
    String accessToken(String issuer, UUID tenantId, String clientId, String subject, String scope, String jti,
            Instant issuedAt, Instant expiresAt, Instant authTime, List<String> roles) {
        JWTClaimsSet.Builder c = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(subject)
                .audience(clientId)
                .issueTime(Date.from(issuedAt))
                .expirationTime(Date.from(expiresAt))
                .jwtID(jti)
                .claim("client_id", clientId)
                .claim(OAuth2.SCOPE, scope);
        if (authTime != null) {
            c.claim("auth_time", authTime.getEpochSecond());
        }
        if (roles != null) {
            c.claim("roles", roles);
        }
        return sign(tenantId, ACCESS_TOKEN_TYPE, c.build());
    }

    /** OIDC Core §2 and §3.1.3.6: the ID token, with at_hash binding it to the access token. */
    String idToken(String issuer, UUID tenantId, String clientId, String subject, Map<String, Object> userClaims,
            String nonce, Instant authTime, List<String> amr, UUID sessionId, String accessToken, Instant issuedAt,
            Instant expiresAt) {
        JWTClaimsSet.Builder c = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(subject)
                .audience(clientId)
                .issueTime(Date.from(issuedAt))
                .expirationTime(Date.from(expiresAt))
                .claim("azp", clientId)
                .claim("auth_time", authTime.getEpochSecond());
        if (nonce != null) {
            c.claim(OAuth2.NONCE, nonce);
        }
        if (amr != null && !amr.isEmpty()) {
            c.claim("amr", amr);
        }
        if (sessionId != null) {
            c.claim("sid", sessionId.toString());
        }
        if (accessToken != null) {
            c.claim("at_hash", AccessTokenHash.compute(new BearerAccessToken(accessToken), JWSAlgorithm.RS256)
                    .getValue());
        }
        userClaims.forEach(c::claim);
        return sign(tenantId, null, c.build());
    }

    /** An access token this tenant issued: signature, type, issuer and expiry checked. */
    public Optional<AccessClaims> verifyAccessToken(String issuer, UUID tenantId, String token) {
        Optional<JWTClaimsSet> claims = verify(issuer, tenantId, token, ACCESS_TOKEN_TYPE);
        if (claims.isEmpty()) {
            return Optional.empty();
        }
        JWTClaimsSet c = claims.get();
        if (c.getExpirationTime() == null || c.getExpirationTime().toInstant().isBefore(Instant.now())
                || c.getJWTID() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new AccessClaims(c.getJWTID(), c.getSubject(), c.getStringClaim("client_id"),
                    c.getStringClaim(OAuth2.SCOPE), c.getExpirationTime().toInstant()));
        } catch (ParseException e) {
            return Optional.empty();
        }
    }

    /**
     * An ID token this tenant issued, as an {@code id_token_hint}: the signature and issuer count,
     * the expiry does not (RP-Initiated Logout §2 allows expired hints).
     */
    public Optional<JWTClaimsSet> verifyIdTokenHint(String issuer, UUID tenantId, String token) {
        return verify(issuer, tenantId, token, null);
    }

    private Optional<JWTClaimsSet> verify(String issuer, UUID tenantId, String token, JOSEObjectType type) {
        if (token == null || token.length() > 16384) {
            return Optional.empty();
        }
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            JWSHeader header = jwt.getHeader();
            boolean typeOk = type == null ? header.getType() == null || JOSEObjectType.JWT.equals(header.getType())
                    : type.equals(header.getType());
            if (!JWSAlgorithm.RS256.equals(header.getAlgorithm()) || !typeOk) {
                return Optional.empty();
            }
            Optional<RSAKey> key = keys.verificationKey(tenantId, header.getKeyID());
            if (key.isEmpty() || !jwt.verify(new RSASSAVerifier(key.get()))) {
                return Optional.empty();
            }
            JWTClaimsSet c = jwt.getJWTClaimsSet();
            return issuer.equals(c.getIssuer()) ? Optional.of(c) : Optional.empty();
        } catch (ParseException | JOSEException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private String sign(UUID tenantId, JOSEObjectType type, JWTClaimsSet claims) {
        RSAKey key = keys.activeKey(tenantId);
        JWSHeader.Builder header = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID());
        if (type != null) {
            header.type(type);
        }
        try {
            SignedJWT jwt = new SignedJWT(header.build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("Token signing failed", e);
        }
    }
}
