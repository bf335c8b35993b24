package dev.justiam.server.testing;

import java.util.List;
import java.util.UUID;

import dev.justiam.server.applications.ApplicationMapper;
import dev.justiam.server.applications.ApplicationRow;
import dev.justiam.server.crypto.Secrets;
import dev.justiam.server.tenancy.Tenant;
import dev.justiam.server.tenancy.TenantMapper;

/**
 * A builder of OIDC applications for tests, stored straight through the mapper, pre-filled as a
 * confidential client with one loopback redirect URI. {@link #create} returns the client id and
 * the secret in clear.
 */
public final class OidcClients {

    public record Client(UUID appId, String clientId, String secret, String redirectUri) {
    }

    private String name = Api.unique("app");
    private String clientType = ApplicationRow.CONFIDENTIAL;
    private String authMethod = "client_secret_basic";
    private List<String> redirectUris = List.of("http://127.0.0.1:9999/callback");
    private List<String> postLogoutRedirectUris = List.of("http://127.0.0.1:9999/signed-out");
    private List<String> grantTypes = List.of("authorization_code", "refresh_token");
    private List<String> scopes = List.of();
    private boolean pkceRequired = true;
    private boolean consentRequired;
    private boolean assignmentRequired;
    private String jwks;

    public static OidcClients confidential() {
        return new OidcClients();
    }

    public static OidcClients publicClient() {
        OidcClients b = new OidcClients();
        b.clientType = ApplicationRow.PUBLIC;
        b.authMethod = "none";
        return b;
    }

    public OidcClients authMethod(String method) {
        this.authMethod = method;
        return this;
    }

    public OidcClients redirectUris(String... uris) {
        this.redirectUris = List.of(uris);
        return this;
    }

    public OidcClients postLogoutRedirectUris(String... uris) {
        this.postLogoutRedirectUris = List.of(uris);
        return this;
    }

    public OidcClients grantTypes(String... types) {
        this.grantTypes = List.of(types);
        return this;
    }

    public OidcClients scopes(String... scopes) {
        this.scopes = List.of(scopes);
        return this;
    }

    public OidcClients pkceRequired(boolean required) {
        this.pkceRequired = required;
        return this;
    }

    public OidcClients consentRequired(boolean required) {
        this.consentRequired = required;
        return this;
    }

    public OidcClients assignmentRequired(boolean required) {
        this.assignmentRequired = required;
        return this;
    }

    public OidcClients jwks(String jwks) {
        this.jwks = jwks;
        return this;
    }

    public Client create() {
        UUID id = UUID.randomUUID();
        String clientId = Api.unique("client");
        String secret = ApplicationRow.PUBLIC.equals(clientType) ? null : Secrets.randomToken(32);
        var db = TestServer.shared().database();
        UUID tenantId = defaultTenantId();
        ApplicationRow row = new ApplicationRow(id, tenantId, ApplicationRow.OIDC, name, null, null, null, true,
                assignmentRequired, clientId, secret == null ? null : Secrets.sha256Hex(secret), clientType,
                authMethod, redirectUris.toArray(String[]::new), postLogoutRedirectUris.toArray(String[]::new),
                grantTypes.toArray(String[]::new), scopes.toArray(String[]::new), pkceRequired, consentRequired,
                300, 300, 3600, jwks, null, null, new String[0], null, null, true, true, null, false, "[]", false,
                null, null);
        db.runInTransaction(s -> s.getMapper(ApplicationMapper.class).insertApplication(row));
        return new Client(id, clientId, secret, redirectUris.isEmpty() ? null : redirectUris.get(0));
    }

    public static UUID defaultTenantId() {
        Tenant t = TestServer.shared().database().read(s -> s.getMapper(TenantMapper.class)
                .findTenantBySlug(Tenant.DEFAULT_SLUG));
        return t.id();
    }
}
