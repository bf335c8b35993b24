package dev.justiam.server.auth;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.apache.ibatis.annotations.Param;

public interface SessionMapper {

    int insertSession(@Param("id") UUID id, @Param("tenantId") UUID tenantId, @Param("userId") UUID userId,
            @Param("authMethods") String[] authMethods, @Param("ip") String ip, @Param("userAgent") String userAgent,
            @Param("expiresAt") OffsetDateTime expiresAt, @Param("ssoTokenHash") String ssoTokenHash);

    /** The session if it is neither revoked nor expired, with its user's status. */
    SessionRow findLiveSession(@Param("tenantId") UUID tenantId, @Param("id") UUID id);

    int touchSession(@Param("id") UUID id);

    int revokeSession(@Param("tenantId") UUID tenantId, @Param("id") UUID id);

    int revokeUserSessions(@Param("tenantId") UUID tenantId, @Param("userId") UUID userId,
            @Param("exceptId") UUID exceptId);
}
