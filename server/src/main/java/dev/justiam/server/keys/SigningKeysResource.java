package dev.justiam.server.keys;

import java.util.Map;
import java.util.UUID;

import dev.justiam.api.SettingsApi;
import dev.justiam.api.model.SigningKey;
import dev.justiam.api.model.SigningKeyList;
import dev.justiam.server.audit.AuditLog;
import dev.justiam.server.db.Database;
import dev.justiam.server.http.RequestContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;

/** {@code /api/v1/settings/keys}: the tenant's signing keys, public parts only, and their rotation. */
public final class SigningKeysResource implements SettingsApi {

    private final SigningKeys keys;
    private final Database db;
    private final AuditLog audit;

    @Context
    private HttpServletRequest request;

    public SigningKeysResource(SigningKeys keys, Database db, AuditLog audit) {
        this.keys = keys;
        this.db = db;
        this.audit = audit;
    }

    @Override
    public Response listSigningKeys() {
        return Response.ok(list(RequestContext.of(request).tenant().id())).build();
    }

    @Override
    public Response rotateSigningKeys() {
        RequestContext ctx = RequestContext.of(request);
        UUID tenantId = ctx.tenant().id();
        db.runInTransaction(s -> {
            keys.rotate(s, tenantId);
            audit.record(s, ctx.actor().success("signing_keys.rotate", "tenant", tenantId, Map.of()));
        });
        keys.forget(tenantId);
        return Response.ok(list(tenantId)).build();
    }

    private SigningKeyList list(UUID tenantId) {
        return new SigningKeyList().data(keys.allKeys(tenantId).stream().map(k -> new SigningKey()
                .kid(k.kid()).algorithm(k.algorithm()).status(SigningKey.StatusEnum.fromValue(k.status()))
                .createdAt(k.createdAt()).activatedAt(k.activatedAt()).retiredAt(k.retiredAt())
                .retireAfter(k.retireAfter())).toList());
    }
}
