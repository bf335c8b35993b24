package dev.justiam.server.roles;

import java.util.List;
import java.util.UUID;

import org.apache.ibatis.annotations.Param;

public interface AdminRoleMapper {

    /** Every permission the user holds through roles assigned to them directly or to one of their groups. */
    List<String> findPermissionsOfUser(@Param("tenantId") UUID tenantId, @Param("userId") UUID userId);

    UUID findBuiltInRoleId(@Param("tenantId") UUID tenantId);

    int insertRole(@Param("id") UUID id, @Param("tenantId") UUID tenantId, @Param("name") String name,
            @Param("description") String description, @Param("permissions") String[] permissions,
            @Param("builtIn") boolean builtIn);

    int insertAssignment(@Param("id") UUID id, @Param("tenantId") UUID tenantId, @Param("roleId") UUID roleId,
            @Param("subjectType") String subjectType, @Param("subjectId") UUID subjectId);

    int deleteAssignmentsOfSubject(@Param("tenantId") UUID tenantId, @Param("subjectType") String subjectType,
            @Param("subjectId") UUID subjectId);

    /**
     * How many active users other than {@code exceptUserId} still hold the built-in Administrator
     * role, directly or through a group.
     */
    long countOtherAdministrators(@Param("tenantId") UUID tenantId, @Param("exceptUserId") UUID exceptUserId);
}
