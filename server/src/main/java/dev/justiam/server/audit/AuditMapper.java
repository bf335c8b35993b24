package dev.justiam.server.audit;

import java.util.List;
import java.util.UUID;

import org.apache.ibatis.annotations.Param;

public interface AuditMapper {

    int insertAuditLog(@Param("id") UUID id, @Param("e") AuditEntry entry, @Param("detailsJson") String detailsJson);

    List<AuditRow> findAuditLogs(AuditQuery query);

    long countAuditLogs(AuditQuery query);

    AuditRow findAuditLogById(@Param("tenantId") UUID tenantId, @Param("id") UUID id);
}
