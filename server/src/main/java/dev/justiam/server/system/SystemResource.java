package dev.justiam.server.system;

import dev.justiam.api.SystemApi;
import dev.justiam.api.model.Health;
import dev.justiam.api.model.Version;
import dev.justiam.server.db.Database;
import jakarta.ws.rs.core.Response;

/** Health for load balancers and the running version; no authentication. */
public final class SystemResource implements SystemApi {

    private final Database db;

    public SystemResource(Database db) {
        this.db = db;
    }

    @Override
    public Response getHealth() {
        if (db.isReachable()) {
            return Response.ok(new Health().status(Health.StatusEnum.OK)).build();
        }
        return Response.status(Response.Status.SERVICE_UNAVAILABLE)
                .entity(new Health().status(Health.StatusEnum.UNAVAILABLE)).build();
    }

    @Override
    public Response getVersion() {
        return Response.ok(new Version().version(BuildInfo.version())).build();
    }
}
