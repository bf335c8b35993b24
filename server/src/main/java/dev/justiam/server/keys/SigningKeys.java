package dev.justiam.server.keys;

import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import dev.justiam.server.crypto.MasterKey;
import dev.justiam.server.crypto.Secrets;
import dev.justiam.server.db.Database;
import org.apache.ibatis.session.SqlSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Per-tenant RSA signing keys for portal tokens, OIDC tokens and SAML. One key is active (signs),
 * one is published as next (so relying parties cache it before it signs), and retired keys stay
 * published until every token they signed has expired. Private parts are decrypted only here.
 *
 * <p>Each node keeps the tenant's keys in memory for a short time; a token naming an unknown kid
 * forces a reload, so a rotation on another node is picked up at once.
 */
public final class SigningKeys {

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);
    private static final Duration CACHE_TTL = Duration.ofSeconds(60);

    private record Loaded(RSAKey active, JWKSet published, List<SigningKeyRow> rows, Instant until) {
    }

    /** A key as SAML publishes it: its kid, status (active or next) and self-signed certificate. */
    public record PublishedCertificate(String kid, String status, X509Certificate certificate) {
    }

    /** What signs SAML messages now: the active key pair and its certificate. */
    public record SigningCredential(String kid, KeyPair keyPair, X509Certificate certificate) {
    }

    private final Database db;
    private final MasterKey masterKey;
    private final Duration longestTokenLifetime;
    private final ConcurrentHashMap<UUID, Loaded> cache = new ConcurrentHashMap<>();

    public SigningKeys(Database db, MasterKey masterKey, Duration longestTokenLifetime) {
        this.db = db;
        this.masterKey = masterKey;
        this.longestTokenLifetime = longestTokenLifetime;
    }

    /** Creates the first active and next keys of a new tenant, inside the caller's transaction. */
    public void createInitialKeys(SqlSession session, UUID tenantId) {
        SigningKeyMapper mapper = session.getMapper(SigningKeyMapper.class);
        mapper.insertKey(newKey(tenantId, "active"));
        mapper.insertKey(newKey(tenantId, "next"));
    }

    /** The key that signs now, with its private part. */
    public RSAKey activeKey(UUID tenantId) {
        return load(tenantId, false).active();
    }

    /** Public keys a verifier needs: next, active and retired-but-unexpired. */
    public JWKSet publishedKeys(UUID tenantId) {
        return load(tenantId, false).published();
    }

    /** The public key with this kid, reloading once from the database when this node has not seen it. */
    public Optional<RSAKey> verificationKey(UUID tenantId, String kid) {
        if (kid == null) {
            return Optional.empty();
        }
        RSAKey found = (RSAKey) load(tenantId, false).published().getKeyByKeyId(kid);
        if (found == null) {
            found = (RSAKey) load(tenantId, true).published().getKeyByKeyId(kid);
        }
        return Optional.ofNullable(found);
    }

    /**
     * Certificates of the active key (first) and the next key, so a service provider trusts the
     * next key before a rotation makes it sign.
     */
    public List<PublishedCertificate> certificates(UUID tenantId) {
        List<PublishedCertificate> out = new java.util.ArrayList<>();
        for (String status : List.of("active", "next")) {
            load(tenantId, false).rows().stream().filter(r -> r.status().equals(status) && r.certificate() != null)
                    .forEach(r -> out.add(new PublishedCertificate(r.kid(), status,
                            KeyCertificates.parse(r.certificate()))));
        }
        return out;
    }

    public SigningCredential signingCredential(UUID tenantId) {
        Loaded loaded = load(tenantId, false);
        SigningKeyRow row = loaded.rows().stream().filter(r -> r.status().equals("active")).findFirst()
                .orElseThrow(() -> new IllegalStateException("Tenant " + tenantId + " has no active signing key"));
        try {
            KeyPair pair = new KeyPair(loaded.active().toRSAPublicKey(), loaded.active().toRSAPrivateKey());
            return new SigningCredential(row.kid(), pair, KeyCertificates.parse(row.certificate()));
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException("Signing key " + row.kid() + " cannot be read", e);
        }
    }

    public List<SigningKeyRow> allKeys(UUID tenantId) {
        return db.read(s -> s.getMapper(SigningKeyMapper.class).findAllKeys(tenantId));
    }

    /**
     * The next key becomes active, the active one retires (still published until tokens it signed
     * expire), and a fresh next key is published.
     */
    public void rotate(SqlSession session, UUID tenantId) {
        SigningKeyMapper mapper = session.getMapper(SigningKeyMapper.class);
        mapper.lockTenantKeys(tenantId);
        List<SigningKeyRow> rows = mapper.findPublishedKeys(tenantId);
        Optional<SigningKeyRow> next = rows.stream().filter(r -> r.status().equals("next")).findFirst();
        OffsetDateTime retireAfter = OffsetDateTime.now(ZoneOffset.UTC).plus(longestTokenLifetime);
        mapper.retireActiveKey(tenantId, retireAfter);
        if (next.isPresent()) {
            mapper.activateKey(tenantId, next.get().id());
        } else {
            mapper.insertKey(newKey(tenantId, "active"));
        }
        mapper.insertKey(newKey(tenantId, "next"));
        cache.remove(tenantId);
        log.info("Rotated signing keys of tenant {}", tenantId);
    }

    public void forget(UUID tenantId) {
        cache.remove(tenantId);
    }

    private Loaded load(UUID tenantId, boolean force) {
        Loaded hit = cache.get(tenantId);
        if (!force && hit != null && hit.until().isAfter(Instant.now())) {
            return hit;
        }
        List<SigningKeyRow> rows = db.read(s -> s.getMapper(SigningKeyMapper.class).findPublishedKeys(tenantId));
        if (addMissingCertificates(rows)) {
            rows = db.read(s -> s.getMapper(SigningKeyMapper.class).findPublishedKeys(tenantId));
        }
        RSAKey active = null;
        List<com.nimbusds.jose.jwk.JWK> published = new java.util.ArrayList<>();
        for (SigningKeyRow row : rows) {
            RSAKey pub = parsePublic(row.publicJwk());
            published.add(pub);
            if (row.status().equals("active")) {
                active = withPrivate(pub, row);
            }
        }
        if (active == null) {
            throw new IllegalStateException("Tenant " + tenantId + " has no active signing key");
        }
        Loaded loaded = new Loaded(active, new JWKSet(published), rows, Instant.now().plus(CACHE_TTL));
        cache.put(tenantId, loaded);
        return loaded;
    }

    /**
     * Keys created before certificates were stored get one now; when two nodes race, the first
     * write wins and both read it back. True when something was written.
     */
    private boolean addMissingCertificates(List<SigningKeyRow> rows) {
        boolean wrote = false;
        for (SigningKeyRow row : rows) {
            if (row.certificate() != null || row.status().equals("retired")) {
                continue;
            }
            try {
                RSAKey key = withPrivate(parsePublic(row.publicJwk()), row);
                String cert = KeyCertificates.selfSigned(new KeyPair(key.toRSAPublicKey(), key.toRSAPrivateKey()),
                        certificateSubject(row.kid()));
                db.runInTransaction(s -> s.getMapper(SigningKeyMapper.class)
                        .updateKeyCertificate(row.tenantId(), row.id(), cert));
                wrote = true;
            } catch (com.nimbusds.jose.JOSEException e) {
                throw new IllegalStateException("Signing key " + row.kid() + " cannot be read", e);
            }
        }
        return wrote;
    }

    private static String certificateSubject(String kid) {
        return "justiam-" + kid;
    }

    private RSAKey withPrivate(RSAKey pub, SigningKeyRow row) {
        try {
            byte[] der = masterKey.decrypt(row.privateKeyEnc(), "signing-key:" + row.kid());
            RSAPrivateKey priv = (RSAPrivateKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
            return new RSAKey.Builder(pub).privateKey(priv).build();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("Signing key " + row.kid() + " cannot be read", e);
        }
    }

    private SigningKeyRow newKey(UUID tenantId, String status) {
        try {
            KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
            gen.initialize(2048);
            KeyPair pair = gen.generateKeyPair();
            String kid = Secrets.randomToken(12);
            RSAKey pub = new RSAKey.Builder((RSAPublicKey) pair.getPublic())
                    .keyID(kid).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).build();
            byte[] enc = masterKey.encrypt(pair.getPrivate().getEncoded(), "signing-key:" + kid);
            String cert = KeyCertificates.selfSigned(pair, certificateSubject(kid));
            return new SigningKeyRow(Database.newId(), tenantId, kid, "RS256", pub.toJSONString(), enc, cert, status,
                    null, null, null, null);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey parsePublic(String json) {
        try {
            return RSAKey.parse(json);
        } catch (ParseException e) {
            throw new IllegalStateException("Stored public key is not a JWK", e);
        }
    }
}
