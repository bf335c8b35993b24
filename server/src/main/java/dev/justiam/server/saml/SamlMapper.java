package dev.justiam.server.saml;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.apache.ibatis.annotations.Param;

public interface SamlMapper {

    /** Records a request ID; 0 when the application has already seen it (a replay). */
    int insertSeenRequest(@Param("tenantId") UUID tenantId, @Param("applicationId") UUID applicationId,
            @Param("requestId") String requestId, @Param("expiresAt") OffsetDateTime expiresAt);

    int deleteExpiredSeenRequests();

    int insertPendingRequest(PendingRequest pending);

    PendingRequest findPendingRequest(@Param("tenantId") UUID tenantId, @Param("applicationId") UUID applicationId,
            @Param("id") String id);

    /** Removes and returns the pending request, so it resumes once; null when unknown or expired. */
    PendingRequest takePendingRequest(@Param("tenantId") UUID tenantId, @Param("applicationId") UUID applicationId,
            @Param("id") String id);

    int deleteExpiredPendingRequests();

    int insertPersistentId(@Param("tenantId") UUID tenantId, @Param("applicationId") UUID applicationId,
            @Param("userId") UUID userId, @Param("nameId") String nameId);

    String findPersistentId(@Param("tenantId") UUID tenantId, @Param("applicationId") UUID applicationId,
            @Param("userId") UUID userId);

    /** Live sessions of a user, for single logout named by NameID and SessionIndex. */
    List<UUID> findLiveSessionIds(@Param("tenantId") UUID tenantId, @Param("userId") UUID userId);

    /** The user a NameID of the email or unspecified format names. */
    UUID findUserIdByLogin(@Param("tenantId") UUID tenantId, @Param("login") String login);

    UUID findUserByPersistentId(@Param("tenantId") UUID tenantId, @Param("applicationId") UUID applicationId,
            @Param("nameId") String nameId);
}
