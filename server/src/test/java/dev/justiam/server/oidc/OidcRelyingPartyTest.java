package dev.justiam.server.oidc;

import java.util.Map;

import dev.justiam.server.testing.Api;
import dev.justiam.server.testing.NodeScripts;
import dev.justiam.server.testing.OidcClients;
import dev.justiam.server.testing.TestServer;
import org.junit.jupiter.api.Test;

/** panva's openid-client, a relying party nobody here wrote, accepts everything the provider issues. */
class OidcRelyingPartyTest {

    @Test
    void openidClientWhenRunningEveryFlowThenAllChecksPass() throws Exception {
        String username = Api.unique("rp");
        String password = "rp-password-12345";
        Api.createUser(Api.adminToken(), username, password);
        String redirect = "http://127.0.0.1:9999/rp/callback";
        String postLogout = "http://127.0.0.1:9999/rp/signed-out";
        OidcClients.Client rp = OidcClients.confidential().redirectUris(redirect).postLogoutRedirectUris(postLogout)
                .create();
        OidcClients.Client spa = OidcClients.publicClient().redirectUris(redirect).create();
        OidcClients.Client service = OidcClients.confidential().authMethod("client_secret_post")
                .grantTypes("client_credentials").scopes("reports.read").create();

        NodeScripts.run("oidc-rp.mjs", Map.of(
                "BASE_URL", TestServer.baseUrl(),
                "CLIENT_ID", rp.clientId(), "CLIENT_SECRET", rp.secret(),
                "REDIRECT_URI", redirect, "POST_LOGOUT_URI", postLogout,
                "PUBLIC_CLIENT_ID", spa.clientId(),
                "CC_CLIENT_ID", service.clientId(), "CC_CLIENT_SECRET", service.secret(),
                "USERNAME", username, "PASSWORD", password));
    }
}
