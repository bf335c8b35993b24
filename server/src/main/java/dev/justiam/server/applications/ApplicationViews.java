package dev.justiam.server.applications;

import java.util.List;
import java.util.Map;

import dev.justiam.api.model.Application;
import dev.justiam.api.model.ApplicationPage;
import dev.justiam.api.model.MyApplication;
import dev.justiam.api.model.MyApplicationPage;
import dev.justiam.api.model.OidcSettings;
import dev.justiam.api.model.Protocol;
import dev.justiam.api.model.SamlAttributeMapping;
import dev.justiam.api.model.SamlSettings;
import dev.justiam.server.common.PageResult;

/** Stored applications as the API shows them; the client secret hash never leaves. */
public final class ApplicationViews {

    private ApplicationViews() {
    }

    public static Application toApi(ApplicationRow a) {
        Application out = new Application()
                .id(a.id())
                .protocol(Protocol.fromValue(a.protocol()))
                .name(a.name())
                .description(a.description())
                .logoUrl(a.logoUrl())
                .launchUrl(a.launchUrl())
                .enabled(a.enabled())
                .assignmentRequired(a.assignmentRequired())
                .createdAt(a.createdAt())
                .updatedAt(a.updatedAt());
        return a.isOidc() ? out.oidc(oidc(a)) : out.saml(saml(a));
    }

    public static ApplicationPage toApi(PageResult<ApplicationRow> page) {
        return new ApplicationPage()
                .data(page.rows().stream().map(ApplicationViews::toApi).toList())
                .total(page.total())
                .page(page.page().page())
                .limit(page.page().limit());
    }

    public static MyApplicationPage toMine(PageResult<ApplicationRow> page) {
        return new MyApplicationPage()
                .data(page.rows().stream().map(ApplicationViews::toMine).toList())
                .total(page.total())
                .page(page.page().page())
                .limit(page.page().limit());
    }

    private static MyApplication toMine(ApplicationRow a) {
        String launch = a.launchUrl();
        if (launch == null && a.isSaml() && a.idpInitiatedAllowed()) {
            launch = "/saml/" + a.id() + "/init";
        }
        return new MyApplication().id(a.id()).name(a.name()).description(a.description()).logoUrl(a.logoUrl())
                .launchUrl(launch).protocol(Protocol.fromValue(a.protocol()));
    }

    private static OidcSettings oidc(ApplicationRow a) {
        return new OidcSettings()
                .clientId(a.clientId())
                .clientType(OidcSettings.ClientTypeEnum.fromValue(a.clientType()))
                .tokenEndpointAuthMethod(OidcSettings.TokenEndpointAuthMethodEnum.fromValue(a.tokenEndpointAuthMethod()))
                .redirectUris(a.redirectUriList())
                .postLogoutRedirectUris(a.postLogoutRedirectUriList())
                .grantTypes(a.grantTypeList().stream().map(OidcSettings.GrantTypesEnum::fromValue).toList())
                .scopes(a.scopeList())
                .pkceRequired(a.pkceRequired())
                .consentRequired(a.consentRequired())
                .accessTokenTtl(a.accessTokenTtl())
                .idTokenTtl(a.idTokenTtl())
                .refreshTokenTtl(a.refreshTokenTtl())
                .jwks(a.jwks());
    }

    private static SamlSettings saml(ApplicationRow a) {
        List<Map<String, String>> mappings = ApplicationRules.attributeMappings(a.attributeMappings());
        return new SamlSettings()
                .entityId(a.entityId())
                .acsUrls(a.acsUrlList())
                .sloUrl(a.sloUrl())
                .nameIdFormat(NameIdFormat.fromUrn(a.nameIdFormat())
                        .map(f -> SamlSettings.NameIdFormatEnum.fromValue(f.shortName())).orElse(null))
                .signResponse(a.signResponse())
                .signAssertion(a.signAssertion())
                .spCertificate(a.spCertificate())
                .requireSignedRequests(a.requireSignedRequests())
                .attributeMappings(mappings.stream().map(m -> new SamlAttributeMapping().name(m.get("name"))
                        .source(SamlAttributeMapping.SourceEnum.fromValue(m.get("source")))).toList())
                .idpInitiatedAllowed(a.idpInitiatedAllowed());
    }
}
