package dev.justiam.server.web;

import java.util.UUID;

import org.apache.ibatis.annotations.Param;

public interface WebMapper {

    /** The live session of an active user whose SSO cookie hashes to {@code ssoTokenHash}. */
    SsoSessionRow findLiveSsoSession(@Param("tenantId") UUID tenantId, @Param("ssoTokenHash") String ssoTokenHash);

    int upsertSessionApplication(@Param("tenantId") UUID tenantId, @Param("sessionId") UUID sessionId,
            @Param("applicationId") UUID applicationId);

    BrandingRow findBranding(@Param("tenantId") UUID tenantId);
}
