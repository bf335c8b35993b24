package dev.justiam.server.audit;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.justiam.api.AuditLogApi;
import dev.justiam.api.model.AuditLog;
import dev.justiam.api.model.AuditLogPage;
import dev.justiam.api.model.AuditResult;
import dev.justiam.server.common.PageRequest;
import dev.justiam.server.http.JsonMapperProvider;
import dev.justiam.server.http.RequestContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;

/** {@code /api/v1/audit-logs}: read-only. */
public final class AuditLogResource implements AuditLogApi {

    private final AuditQueries queries;

    @Context
    private HttpServletRequest request;

    public AuditLogResource(AuditQueries queries) {
        this.queries = queries;
    }

    @Override
    public Response listAuditLogs(Integer page, Integer limit, UUID actorId, String action, String targetType,
            String targetId, AuditResult result, OffsetDateTime from, OffsetDateTime to) {
        PageRequest paging = PageRequest.of(page, limit);
        var rows = queries.list(RequestContext.of(request).tenant().id(), paging, actorId, action, targetType,
                targetId, result == null ? null : result.toString(), from, to);
        AuditLogPage body = new AuditLogPage()
                .data(rows.rows().stream().map(AuditLogResource::toApi).toList())
                .total(rows.total())
                .page(paging.page())
                .limit(paging.limit());
        return Response.ok(body).build();
    }

    @Override
    public Response getAuditLog(UUID id) {
        return Response.ok(toApi(queries.get(RequestContext.of(request).tenant().id(), id))).build();
    }

    private static AuditLog toApi(AuditRow row) {
        return new AuditLog()
                .id(row.id())
                .actorId(row.actorId())
                .actorName(row.actorName())
                .action(row.action())
                .targetType(row.targetType())
                .targetId(row.targetId())
                .result(AuditResult.fromValue(row.result()))
                .ip(row.ip())
                .userAgent(row.userAgent())
                .details(parse(row.details()))
                .createdAt(row.createdAt());
    }

    private static Map<String, Object> parse(String json) {
        if (json == null) {
            return null;
        }
        try {
            return JsonMapperProvider.MAPPER.readValue(json, new TypeReference<Map<String, Object>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored audit details are not JSON", e);
        }
    }
}
