package dev.justiam.server.groups;

import java.util.UUID;

import dev.justiam.api.GroupsApi;
import dev.justiam.api.model.GroupCreate;
import dev.justiam.api.model.GroupMembersAdd;
import dev.justiam.api.model.GroupUpdate;
import dev.justiam.server.common.PageRequest;
import dev.justiam.server.http.Bodies;
import dev.justiam.server.http.RequestContext;
import dev.justiam.server.users.UserService;
import dev.justiam.server.users.UserViews;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;

/** {@code /api/v1/groups}: permissions are enforced from the contract before these methods run. */
public final class GroupsResource implements GroupsApi {

    private final GroupService groups;
    private final UserService users;

    @Context
    private HttpServletRequest request;

    public GroupsResource(GroupService groups, UserService users) {
        this.groups = groups;
        this.users = users;
    }

    @Override
    public Response listGroups(Integer page, Integer limit, String search) {
        var result = groups.list(ctx().tenant().id(), PageRequest.of(page, limit), search, null);
        return Response.ok(GroupViews.toApi(result)).build();
    }

    @Override
    public Response createGroup(GroupCreate body) {
        Bodies.require(body);
        GroupRow created = groups.create(ctx().actor(), body.getName(), body.getDescription());
        return Response.status(Response.Status.CREATED).entity(GroupViews.toApi(created)).build();
    }

    @Override
    public Response getGroup(UUID id) {
        return Response.ok(GroupViews.toApi(groups.get(ctx().tenant().id(), id))).build();
    }

    @Override
    public Response updateGroup(UUID id, GroupUpdate body) {
        Bodies.require(body);
        return Response.ok(GroupViews.toApi(groups.update(ctx().actor(), id, body.getName(), body.getDescription())))
                .build();
    }

    @Override
    public Response deleteGroup(UUID id) {
        groups.delete(ctx().actor(), id);
        return Response.noContent().build();
    }

    @Override
    public Response listGroupMembers(UUID id, Integer page, Integer limit, String search) {
        PageRequest paging = PageRequest.of(page, limit);
        groups.get(ctx().tenant().id(), id);
        return Response.ok(UserViews.toApi(users.list(ctx().tenant().id(), paging, search, null, id))).build();
    }

    @Override
    public Response addGroupMembers(UUID id, GroupMembersAdd body) {
        Bodies.require(body);
        groups.addMembers(ctx().actor(), id, body.getUserIds());
        return Response.noContent().build();
    }

    @Override
    public Response removeGroupMember(UUID id, UUID userId) {
        groups.removeMember(ctx().actor(), id, userId);
        return Response.noContent().build();
    }

    private RequestContext ctx() {
        return RequestContext.of(request);
    }
}
