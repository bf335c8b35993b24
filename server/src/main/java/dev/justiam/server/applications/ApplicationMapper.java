package dev.justiam.server.applications;

import java.util.List;
import java.util.UUID;

import org.apache.ibatis.annotations.Param;

public interface ApplicationMapper {

    int insertApplication(ApplicationRow app);

    /** Replaces every column but id, tenant, protocol, client id, secret hash and created_at. */
    int updateApplication(ApplicationRow app);

    int updateClientSecretHash(@Param("tenantId") UUID tenantId, @Param("id") UUID id,
            @Param("hash") String clientSecretHash);

    int deleteApplication(@Param("tenantId") UUID tenantId, @Param("id") UUID id);

    ApplicationRow findApplicationById(@Param("tenantId") UUID tenantId, @Param("id") UUID id);

    ApplicationRow findApplicationByClientId(@Param("tenantId") UUID tenantId, @Param("clientId") String clientId);

    ApplicationRow findApplicationByEntityId(@Param("tenantId") UUID tenantId, @Param("entityId") String entityId);

    List<ApplicationRow> findApplications(@Param("tenantId") UUID tenantId, @Param("pattern") String pattern,
            @Param("protocol") String protocol, @Param("limit") int limit, @Param("offset") long offset);

    long countApplications(@Param("tenantId") UUID tenantId, @Param("pattern") String pattern,
            @Param("protocol") String protocol);

    /** Enabled applications the user may open: mapped to them or a group of theirs, or open to everyone. */
    List<ApplicationRow> findApplicationsOpenToUser(@Param("tenantId") UUID tenantId, @Param("userId") UUID userId,
            @Param("limit") int limit, @Param("offset") long offset);

    long countApplicationsOpenToUser(@Param("tenantId") UUID tenantId, @Param("userId") UUID userId);
}
