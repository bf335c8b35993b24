package dev.justiam.server.mappings;

import java.util.List;
import java.util.UUID;

import org.apache.ibatis.annotations.Param;

public interface AppMappingMapper {

    int insertMapping(AppMappingRow row);

    int updateMappingRoles(@Param("tenantId") UUID tenantId, @Param("id") UUID id, @Param("roles") String[] roles);

    int deleteMapping(@Param("tenantId") UUID tenantId, @Param("id") UUID id);

    int deleteMappingsOfSubject(@Param("tenantId") UUID tenantId, @Param("subjectType") String subjectType,
            @Param("subjectId") UUID subjectId);

    AppMappingRow findMappingById(@Param("tenantId") UUID tenantId, @Param("id") UUID id);

    /** Filters are optional; userId matches mappings of the user and of the user's groups. */
    List<AppMappingRow> findMappings(@Param("tenantId") UUID tenantId, @Param("applicationId") UUID applicationId,
            @Param("userId") UUID userId, @Param("groupId") UUID groupId, @Param("limit") int limit,
            @Param("offset") long offset);

    long countMappings(@Param("tenantId") UUID tenantId, @Param("applicationId") UUID applicationId,
            @Param("userId") UUID userId, @Param("groupId") UUID groupId);

    /** True when the user is mapped to the application directly or through a group. */
    boolean isUserMapped(@Param("tenantId") UUID tenantId, @Param("applicationId") UUID applicationId,
            @Param("userId") UUID userId);

    /** The user's roles in the application: direct ones plus those of their groups, without duplicates. */
    List<String> findRolesOfUser(@Param("tenantId") UUID tenantId, @Param("applicationId") UUID applicationId,
            @Param("userId") UUID userId);
}
