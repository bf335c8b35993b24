package dev.justiam.server.mappings;

import java.util.List;
import java.util.UUID;

import dev.justiam.api.AppMappingsApi;
import dev.justiam.api.model.AppMapping;
import dev.justiam.api.model.AppMappingCreate;
import dev.justiam.api.model.AppMappingPage;
import dev.justiam.api.model.AppMappingUpdate;
import dev.justiam.api.model.SubjectType;
import dev.justiam.server.common.PageRequest;
import dev.justiam.server.http.Bodies;
import dev.justiam.server.http.RequestContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;

/** {@code /api/v1/app-mappings}: permissions are enforced from the contract before these methods run. */
public final class AppMappingsResource implements AppMappingsApi {

    private final AppMappingService mappings;

    @Context
    private HttpServletRequest request;

    public AppMappingsResource(AppMappingService mappings) {
        this.mappings = mappings;
    }

    @Override
    public Response listAppMappings(Integer page, Integer limit, UUID applicationId, UUID userId, UUID groupId) {
        PageRequest paging = PageRequest.of(page, limit);
        var result = mappings.list(ctx().tenant().id(), paging, applicationId, userId, groupId);
        return Response.ok(new AppMappingPage().data(result.rows().stream().map(AppMappingsResource::toApi).toList())
                .total(result.total()).page(paging.page()).limit(paging.limit())).build();
    }

    @Override
    public Response createAppMapping(AppMappingCreate body) {
        Bodies.require(body);
        AppMappingRow row = mappings.create(ctx().actor(), body.getApplicationId(),
                body.getSubjectType() == null ? null : body.getSubjectType().toString(), body.getSubjectId(),
                body.getRoles());
        return Response.status(Response.Status.CREATED).entity(toApi(row)).build();
    }

    @Override
    public Response getAppMapping(UUID id) {
        return Response.ok(toApi(mappings.get(ctx().tenant().id(), id))).build();
    }

    @Override
    public Response updateAppMapping(UUID id, AppMappingUpdate body) {
        Bodies.require(body);
        return Response.ok(toApi(mappings.updateRoles(ctx().actor(), id, body.getRoles()))).build();
    }

    @Override
    public Response deleteAppMapping(UUID id) {
        mappings.delete(ctx().actor(), id);
        return Response.noContent().build();
    }

    private static AppMapping toApi(AppMappingRow row) {
        return new AppMapping().id(row.id()).applicationId(row.applicationId())
                .subjectType(SubjectType.fromValue(row.subjectType())).subjectId(row.subjectId())
                .roles(List.of(row.roles())).createdAt(row.createdAt()).updatedAt(row.updatedAt());
    }

    private RequestContext ctx() {
        return RequestContext.of(request);
    }
}
