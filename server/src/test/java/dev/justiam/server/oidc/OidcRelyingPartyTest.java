package dev.justiam.server.oidc;

import java.util.List;
import java.util.Map;

import dev.justiam.server.testing.Api;
import dev.justiam.server.testing.NodeScripts;
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
        // Registered through the management API, as an administrator would.
        String admin = Api.adminToken();
        Registered rp = register(admin, Map.of("redirect_uris", List.of(redirect),
                "post_logout_redirect_uris", List.of(postLogout)));
        Registered spa = register(admin, Map.of("client_type", "public", "redirect_uris", List.of(redirect)));
        Registered service = register(admin, Map.of("token_endpoint_auth_method", "client_secret_post",
                "grant_types", List.of("client_credentials"), "scopes", List.of("reports.read")));

        NodeScripts.run("oidc-rp.mjs", Map.of(
                "BASE_URL", TestServer.baseUrl(),
                "CLIENT_ID", rp.clientId(), "CLIENT_SECRET", rp.secret(),
                "REDIRECT_URI", redirect, "POST_LOGOUT_URI", postLogout,
                "PUBLIC_CLIENT_ID", spa.clientId(),
                "CC_CLIENT_ID", service.clientId(), "CC_CLIENT_SECRET", service.secret(),
                "USERNAME", username, "PASSWORD", password));
    }

    private record Registered(String clientId, String secret) {
    }

    private static Registered register(String admin, Map<String, Object> oidc) {
        var created = Api.as(admin).body(Map.of("protocol", "oidc", "name", Api.unique("rp"), "oidc", oidc))
                .post("/api/v1/applications").then().statusCode(201).extract();
        return new Registered(created.path("oidc.client_id"), created.path("client_secret"));
    }
}
