package dev.justiam.server.groups;

import java.util.List;
import java.util.UUID;

import org.apache.ibatis.annotations.Param;

public interface GroupMapper {

    int insertGroup(@Param("id") UUID id, @Param("tenantId") UUID tenantId, @Param("name") String name,
            @Param("description") String description);

    GroupRow findGroupById(@Param("tenantId") UUID tenantId, @Param("id") UUID id);

    List<GroupRow> findGroups(@Param("tenantId") UUID tenantId, @Param("pattern") String pattern,
            @Param("memberId") UUID memberId, @Param("limit") int limit, @Param("offset") long offset);

    long countGroups(@Param("tenantId") UUID tenantId, @Param("pattern") String pattern,
            @Param("memberId") UUID memberId);

    int updateGroup(@Param("tenantId") UUID tenantId, @Param("id") UUID id, @Param("name") String name,
            @Param("description") String description);

    int deleteGroup(@Param("tenantId") UUID tenantId, @Param("id") UUID id);

    int insertMember(@Param("tenantId") UUID tenantId, @Param("groupId") UUID groupId, @Param("userId") UUID userId);

    int deleteMember(@Param("tenantId") UUID tenantId, @Param("groupId") UUID groupId, @Param("userId") UUID userId);
}
