package dev.justiam.server.users;

import java.util.UUID;

import dev.justiam.api.UsersApi;
import dev.justiam.api.model.PasswordSet;
import dev.justiam.api.model.UserCreate;
import dev.justiam.api.model.UserStatus;
import dev.justiam.api.model.UserUpdate;
import dev.justiam.server.common.PageRequest;
import dev.justiam.server.groups.GroupService;
import dev.justiam.server.groups.GroupViews;
import dev.justiam.server.http.Bodies;
import dev.justiam.server.http.RequestContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;

/** {@code /api/v1/users}: permissions are enforced from the contract before these methods run. */
public final class UsersResource implements UsersApi {

    private final UserService users;
    private final GroupService groups;

    @Context
    private HttpServletRequest request;

    public UsersResource(UserService users, GroupService groups) {
        this.users = users;
        this.groups = groups;
    }

    @Override
    public Response listUsers(Integer page, Integer limit, String search, UserStatus status, UUID groupId) {
        RequestContext ctx = RequestContext.of(request);
        var result = users.list(ctx.tenant().id(), PageRequest.of(page, limit), search,
                status == null ? null : status.toString(), groupId);
        return Response.ok(UserViews.toApi(result)).build();
    }

    @Override
    public Response createUser(UserCreate body) {
        Bodies.require(body);
        RequestContext ctx = RequestContext.of(request);
        UserRow created = users.create(ctx.actor(), new UserService.NewUser(body.getUsername(), body.getEmail(),
                body.getEmailVerified(), body.getFirstName(), body.getLastName(), body.getDisplayName(),
                body.getPassword()));
        return Response.status(Response.Status.CREATED).entity(UserViews.toApi(created)).build();
    }

    @Override
    public Response getUser(UUID id) {
        return Response.ok(UserViews.toApi(users.get(RequestContext.of(request).tenant().id(), id))).build();
    }

    @Override
    public Response updateUser(UUID id, UserUpdate body) {
        Bodies.require(body);
        UserRow updated = users.update(RequestContext.of(request).actor(), id, new UserService.UserChanges(
                body.getUsername(), body.getEmail(), body.getEmailVerified(), body.getFirstName(),
                body.getLastName(), body.getDisplayName()));
        return Response.ok(UserViews.toApi(updated)).build();
    }

    @Override
    public Response deleteUser(UUID id) {
        users.delete(RequestContext.of(request).actor(), id);
        return Response.noContent().build();
    }

    @Override
    public Response setUserPassword(UUID id, PasswordSet body) {
        Bodies.require(body);
        users.setPassword(RequestContext.of(request).actor(), id, body.getPassword());
        return Response.noContent().build();
    }

    @Override
    public Response disableUser(UUID id) {
        return Response.ok(UserViews.toApi(users.disable(RequestContext.of(request).actor(), id))).build();
    }

    @Override
    public Response enableUser(UUID id) {
        return Response.ok(UserViews.toApi(users.enable(RequestContext.of(request).actor(), id))).build();
    }

    @Override
    public Response unlockUser(UUID id) {
        return Response.ok(UserViews.toApi(users.unlock(RequestContext.of(request).actor(), id))).build();
    }

    @Override
    public Response listUserGroups(UUID id, Integer page, Integer limit) {
        var result = groups.groupsOf(RequestContext.of(request).tenant().id(), id, PageRequest.of(page, limit));
        return Response.ok(GroupViews.toApi(result)).build();
    }
}
