package dev.justiam.server.db;

import java.util.List;

import dev.justiam.server.applications.ApplicationMapper;
import dev.justiam.server.audit.AuditMapper;
import dev.justiam.server.auth.SessionMapper;
import dev.justiam.server.auth.UnknownLoginMapper;
import dev.justiam.server.groups.GroupMapper;
import dev.justiam.server.keys.SigningKeyMapper;
import dev.justiam.server.mappings.AppMappingMapper;
import dev.justiam.server.oidc.OidcMapper;
import dev.justiam.server.roles.AdminRoleMapper;
import dev.justiam.server.saml.SamlMapper;
import dev.justiam.server.tenancy.TenantMapper;
import dev.justiam.server.users.UserMapper;
import dev.justiam.server.web.WebMapper;

/** Every MyBatis mapper; each has its SQL in an XML file of the same name and package. */
final class Mappers {

    static final List<Class<?>> ALL = List.of(
            TenantMapper.class,
            SigningKeyMapper.class,
            UserMapper.class,
            GroupMapper.class,
            AdminRoleMapper.class,
            SessionMapper.class,
            AuditMapper.class,
            ApplicationMapper.class,
            AppMappingMapper.class,
            SamlMapper.class,
            WebMapper.class,
            OidcMapper.class,
            UnknownLoginMapper.class);

    private Mappers() {
    }
}
