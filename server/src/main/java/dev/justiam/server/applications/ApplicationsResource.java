package dev.justiam.server.applications;

import java.util.UUID;

import dev.justiam.api.ApplicationsApi;
import dev.justiam.api.model.Application;
import dev.justiam.api.model.ApplicationCreate;
import dev.justiam.api.model.ApplicationUpdate;
import dev.justiam.api.model.ClientSecret;
import dev.justiam.api.model.Protocol;
import dev.justiam.server.common.PageRequest;
import dev.justiam.server.http.Bodies;
import dev.justiam.server.http.RequestContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;

/** {@code /api/v1/applications}: permissions are enforced from the contract before these methods run. */
public final class ApplicationsResource implements ApplicationsApi {

    private static final CacheControl NO_STORE = CacheControl.valueOf("no-store");

    private final ApplicationService apps;

    @Context
    private HttpServletRequest request;

    public ApplicationsResource(ApplicationService apps) {
        this.apps = apps;
    }

    @Override
    public Response listApplications(Integer page, Integer limit, String search, Protocol protocol) {
        var result = apps.list(ctx().tenant().id(), PageRequest.of(page, limit), search,
                protocol == null ? null : protocol.toString());
        return Response.ok(ApplicationViews.toApi(result)).build();
    }

    @Override
    public Response createApplication(ApplicationCreate body) {
        Bodies.require(body);
        RequestContext ctx = ctx();
        ApplicationService.WithSecret created = apps.create(ctx.actor(),
                ApplicationDrafts.fromCreate(ctx.tenant().id(), body));
        Application view = ApplicationViews.toApi(created.app());
        created.clientSecret().ifPresent(view::clientSecret);
        return Response.status(Response.Status.CREATED).entity(view).cacheControl(NO_STORE).build();
    }

    @Override
    public Response getApplication(UUID id) {
        return Response.ok(ApplicationViews.toApi(apps.get(ctx().tenant().id(), id))).build();
    }

    @Override
    public Response updateApplication(UUID id, ApplicationUpdate body) {
        Bodies.require(body);
        RequestContext ctx = ctx();
        ApplicationRow current = apps.get(ctx.tenant().id(), id);
        ApplicationService.WithSecret updated = apps.update(ctx.actor(), ApplicationDrafts.merge(current, body));
        Application view = ApplicationViews.toApi(updated.app());
        updated.clientSecret().ifPresent(view::clientSecret);
        return Response.ok(view).cacheControl(NO_STORE).build();
    }

    @Override
    public Response deleteApplication(UUID id) {
        apps.delete(ctx().actor(), id);
        return Response.noContent().build();
    }

    @Override
    public Response rotateApplicationSecret(UUID id) {
        RequestContext ctx = ctx();
        String secret = apps.rotateSecret(ctx.actor(), id);
        String clientId = apps.get(ctx.tenant().id(), id).clientId();
        return Response.ok(new ClientSecret().clientId(clientId).clientSecret(secret)).cacheControl(NO_STORE).build();
    }

    private RequestContext ctx() {
        return RequestContext.of(request);
    }
}
