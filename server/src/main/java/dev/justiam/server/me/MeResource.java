package dev.justiam.server.me;

import dev.justiam.api.CurrentUserApi;
import dev.justiam.api.model.MeUpdate;
import dev.justiam.server.applications.ApplicationService;
import dev.justiam.server.applications.ApplicationViews;
import dev.justiam.api.model.PasswordChange;
import dev.justiam.server.auth.Principal;
import dev.justiam.server.common.PageRequest;
import dev.justiam.server.groups.GroupService;
import dev.justiam.server.groups.GroupViews;
import dev.justiam.server.http.Bodies;
import dev.justiam.server.http.RequestContext;
import dev.justiam.server.users.UserService;
import dev.justiam.server.users.UserViews;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;

/** {@code /api/v1/me}: the signed-in user's own profile, password and groups. */
public final class MeResource implements CurrentUserApi {

    private final UserService users;
    private final GroupService groups;
    private final ApplicationService applications;

    @Context
    private HttpServletRequest request;

    public MeResource(UserService users, GroupService groups, ApplicationService applications) {
        this.users = users;
        this.groups = groups;
        this.applications = applications;
    }

    @Override
    public Response getMe() {
        Principal me = ctx().principal();
        return Response.ok(UserViews.toApi(users.get(me.tenantId(), me.userId()))).build();
    }

    @Override
    public Response updateMe(MeUpdate body) {
        Bodies.require(body);
        RequestContext ctx = ctx();
        var updated = users.update(ctx.actor(), ctx.principal().userId(), new UserService.UserChanges(
                null, null, null, body.getFirstName(), body.getLastName(), body.getDisplayName()));
        return Response.ok(UserViews.toApi(updated)).build();
    }

    @Override
    public Response changeMyPassword(PasswordChange body) {
        Bodies.require(body);
        RequestContext ctx = ctx();
        users.changeOwnPassword(ctx.actor(), ctx.principal().sessionId(), body.getCurrentPassword(),
                body.getNewPassword());
        return Response.noContent().build();
    }

    @Override
    public Response listMyGroups(Integer page, Integer limit) {
        Principal me = ctx().principal();
        return Response.ok(GroupViews.toApi(groups.list(me.tenantId(), PageRequest.of(page, limit), null, me.userId())))
                .build();
    }

    @Override
    public Response listMyApplications(Integer page, Integer limit) {
        Principal me = ctx().principal();
        PageRequest paging = PageRequest.of(page, limit);
        return Response.ok(ApplicationViews.toMine(applications.openTo(me.tenantId(), me.userId(), paging))).build();
    }

    private RequestContext ctx() {
        return RequestContext.of(request);
    }
}
