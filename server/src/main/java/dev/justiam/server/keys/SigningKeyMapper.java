package dev.justiam.server.keys;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.apache.ibatis.annotations.Param;

public interface SigningKeyMapper {

    /** Keys a verifier may still need: next, active, and retired ones whose tokens may be alive. */
    List<SigningKeyRow> findPublishedKeys(@Param("tenantId") UUID tenantId);

    List<SigningKeyRow> findAllKeys(@Param("tenantId") UUID tenantId);

    int insertKey(SigningKeyRow row);

    int retireActiveKey(@Param("tenantId") UUID tenantId, @Param("retireAfter") OffsetDateTime retireAfter);

    /** Stores the certificate of a key that has none yet. */
    int updateKeyCertificate(@Param("tenantId") UUID tenantId, @Param("id") UUID id,
            @Param("certificate") String certificate);

    int activateKey(@Param("tenantId") UUID tenantId, @Param("id") UUID id);

    /** Serialises rotations of one tenant across nodes. */
    Integer lockTenantKeys(@Param("tenantId") UUID tenantId);
}
