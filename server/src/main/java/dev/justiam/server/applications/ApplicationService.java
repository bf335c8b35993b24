package dev.justiam.server.applications;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import dev.justiam.server.audit.Actor;
import dev.justiam.server.audit.AuditLog;
import dev.justiam.server.common.Like;
import dev.justiam.server.common.PageRequest;
import dev.justiam.server.common.PageResult;
import dev.justiam.server.crypto.Secrets;
import dev.justiam.server.db.Constraints;
import dev.justiam.server.db.Database;
import dev.justiam.server.http.ApiException;
import org.apache.ibatis.session.SqlSession;

/**
 * Registering OIDC clients and SAML service providers. Client secrets are generated here, returned
 * once, and stored only as SHA-256 hashes.
 */
public final class ApplicationService {

    private static final int SECRET_BYTES = 32;

    private final Database db;
    private final AuditLog audit;

    public ApplicationService(Database db, AuditLog audit) {
        this.db = db;
        this.audit = audit;
    }

    /** A stored application and, for a new confidential client, its secret in clear (this once). */
    public record WithSecret(ApplicationRow app, Optional<String> clientSecret) {
    }

    public WithSecret create(Actor actor, ApplicationRow draft) {
        if (draft.isBuiltIn()) {
            throw ApiException.conflict("This client ID is reserved for the built-in account page.", "oidc.client_id");
        }
        ApplicationRules.validate(draft);
        Optional<String> secret = needsSecret(draft) ? Optional.of(Secrets.randomToken(SECRET_BYTES)) : Optional.empty();
        ApplicationRow row = withSecretHash(draft, secret.map(Secrets::sha256Hex).orElse(null));
        ApplicationRow stored = withDuplicatesAsConflict(() -> db.inTransaction(s -> {
            s.getMapper(ApplicationMapper.class).insertApplication(row);
            audit.record(s, actor.success("application.create", "application", row.id(),
                    Map.of("name", row.name(), "protocol", row.protocol())));
            return require(s, actor.tenantId(), row.id());
        }));
        return new WithSecret(stored, secret);
    }

    public ApplicationRow get(UUID tenantId, UUID id) {
        return db.read(s -> require(s, tenantId, id));
    }

    public PageResult<ApplicationRow> list(UUID tenantId, PageRequest page, String search, String protocol) {
        String pattern = Like.contains(search);
        return db.read(s -> {
            ApplicationMapper m = s.getMapper(ApplicationMapper.class);
            return new PageResult<>(m.findApplications(tenantId, pattern, protocol, page.limit(), page.offset()),
                    m.countApplications(tenantId, pattern, protocol), page);
        });
    }

    public PageResult<ApplicationRow> openTo(UUID tenantId, UUID userId, PageRequest page) {
        return db.read(s -> {
            ApplicationMapper m = s.getMapper(ApplicationMapper.class);
            return new PageResult<>(m.findApplicationsOpenToUser(tenantId, userId, page.limit(), page.offset()),
                    m.countApplicationsOpenToUser(tenantId, userId), page);
        });
    }

    /**
     * Stores an updated application. A confidential client that had no secret (it was public) gets
     * one, returned this once; a client that becomes public loses its secret.
     */
    public WithSecret update(Actor actor, ApplicationRow changed) {
        refuseBuiltIn(changed);
        ApplicationRules.validate(changed);
        return withDuplicatesAsConflict(() -> db.inTransaction(s -> {
            ApplicationRow current = require(s, actor.tenantId(), changed.id());
            Optional<String> secret = Optional.empty();
            ApplicationMapper mapper = s.getMapper(ApplicationMapper.class);
            mapper.updateApplication(changed);
            if (needsSecret(changed) && current.clientSecretHash() == null) {
                secret = Optional.of(Secrets.randomToken(SECRET_BYTES));
                mapper.updateClientSecretHash(actor.tenantId(), changed.id(), Secrets.sha256Hex(secret.get()));
            } else if (!needsSecret(changed) && current.clientSecretHash() != null) {
                mapper.updateClientSecretHash(actor.tenantId(), changed.id(), null);
            }
            audit.record(s, actor.success("application.update", "application", changed.id(),
                    Map.of("name", changed.name())));
            return new WithSecret(require(s, actor.tenantId(), changed.id()), secret);
        }));
    }

    public void delete(Actor actor, UUID id) {
        db.runInTransaction(s -> {
            ApplicationRow app = require(s, actor.tenantId(), id);
            refuseBuiltIn(app);
            s.getMapper(ApplicationMapper.class).deleteApplication(actor.tenantId(), id);
            audit.record(s, actor.success("application.delete", "application", id, Map.of("name", app.name())));
        });
    }

    /** A new client secret; the old one stops working at once. Only confidential clients have one. */
    public String rotateSecret(Actor actor, UUID id) {
        String secret = Secrets.randomToken(SECRET_BYTES);
        db.runInTransaction(s -> {
            ApplicationRow app = require(s, actor.tenantId(), id);
            if (!needsSecret(app)) {
                throw new ApiException(409, "no_client_secret",
                        "Only confidential OIDC clients authenticated by secret have a client secret.");
            }
            s.getMapper(ApplicationMapper.class).updateClientSecretHash(actor.tenantId(), id, Secrets.sha256Hex(secret));
            audit.record(s, actor.success("application.secret.rotate", "application", id, null));
        });
        return secret;
    }

    /** The account page's client is created and kept by the server; it is listed but not managed here. */
    private static void refuseBuiltIn(ApplicationRow app) {
        if (app.isBuiltIn()) {
            throw new ApiException(409, "built_in_application",
                    "The built-in account application cannot be changed or deleted.");
        }
    }

    static ApplicationRow require(SqlSession s, UUID tenantId, UUID id) {
        ApplicationRow app = s.getMapper(ApplicationMapper.class).findApplicationById(tenantId, id);
        if (app == null) {
            throw ApiException.notFound("Application");
        }
        return app;
    }

    private static boolean needsSecret(ApplicationRow app) {
        return app.isOidc() && !app.isPublicClient()
                && ("client_secret_basic".equals(app.tokenEndpointAuthMethod())
                    || "client_secret_post".equals(app.tokenEndpointAuthMethod()));
    }

    private static ApplicationRow withSecretHash(ApplicationRow a, String hash) {
        return new ApplicationRow(a.id(), a.tenantId(), a.protocol(), a.name(), a.description(), a.logoUrl(),
                a.launchUrl(), a.enabled(), a.assignmentRequired(), a.clientId(), hash, a.clientType(),
                a.tokenEndpointAuthMethod(), a.redirectUris(), a.postLogoutRedirectUris(), a.grantTypes(), a.scopes(),
                a.pkceRequired(), a.consentRequired(), a.accessTokenTtl(), a.idTokenTtl(), a.refreshTokenTtl(),
                a.jwks(), a.jwksUri(), a.entityId(), a.acsUrls(), a.sloUrl(), a.nameIdFormat(), a.signResponse(),
                a.signAssertion(), a.spCertificate(), a.requireSignedRequests(), a.attributeMappings(),
                a.idpInitiatedAllowed(), a.createdAt(), a.updatedAt());
    }

    private static <T> T withDuplicatesAsConflict(Supplier<T> work) {
        return Constraints.onUniqueViolation(work, constraint -> constraint.equals("applications_entity_id_uq")
                ? ApiException.conflict("An application with this entity ID already exists.", "saml.entity_id")
                : ApiException.conflict("An application with this client ID already exists.", "oidc.client_id"));
    }

}
