package dev.justiam.server.tenancy;

import java.util.UUID;

import org.apache.ibatis.annotations.Param;

public interface TenantMapper {

    Tenant findTenantBySlug(@Param("slug") String slug);

    Tenant findTenantById(@Param("id") UUID id);

    int insertTenant(@Param("id") UUID id, @Param("slug") String slug, @Param("name") String name);
}
