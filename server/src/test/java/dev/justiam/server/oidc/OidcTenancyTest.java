package dev.justiam.server.oidc;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import java.util.Map;

import dev.justiam.server.testing.Tenants;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

/** Each tenant is its own provider: its own issuer and keys, and nothing issued by one works at another. */
class OidcTenancyTest {

    private record Registered(String clientId, String secret) {
    }

    private static Registered serviceClient(Tenants.TestTenant tenant) {
        ExtractableResponse<Response> created = tenant.as(tenant.adminToken())
                .body(Map.of("protocol", "oidc", "name", "reports", "oidc",
                        Map.of("grant_types", List.of("client_credentials"), "scopes", List.of("reports.read"))))
                .post("/api/v1/applications").then().statusCode(201).extract();
        return new Registered(created.path("oidc.client_id"), created.path("client_secret"));
    }

    private static Response token(Tenants.TestTenant tenant, Registered client) {
        return tenant.anonymous().contentType("application/x-www-form-urlencoded").auth().preemptive()
                .basic(client.clientId(), client.secret()).formParam("grant_type", "client_credentials")
                .post("/oauth2/token");
    }

    @Test
    void tokensWhenUsedAtAnotherTenantThenRefused() {
        Tenants.TestTenant a = Tenants.create("oidca");
        Tenants.TestTenant b = Tenants.create("oidcb");
        Registered clientA = serviceClient(a);
        Registered clientB = serviceClient(b);
        // The Host header names no port, so neither does the issuer.
        String issuerA = "http://" + a.host();

        a.anonymous().get("/.well-known/openid-configuration").then().statusCode(200)
                .body("issuer", equalTo(issuerA), "token_endpoint", equalTo(issuerA + "/oauth2/token"));
        String kidA = a.anonymous().get("/oauth2/jwks").then().extract().path("keys[0].kid");
        String kidB = b.anonymous().get("/oauth2/jwks").then().extract().path("keys[0].kid");
        assertNotEquals(kidA, kidB);

        String accessToken = token(a, clientA).then().statusCode(200).extract().path("access_token");
        a.anonymous().contentType("application/x-www-form-urlencoded").auth().preemptive()
                .basic(clientA.clientId(), clientA.secret()).formParam("token", accessToken)
                .post("/oauth2/introspect").then().statusCode(200).body("active", equalTo(true));

        // Tenant A's client does not exist at tenant B, and B does not know A's token.
        token(b, clientA).then().statusCode(401).body("error", equalTo("invalid_client"));
        b.anonymous().contentType("application/x-www-form-urlencoded").auth().preemptive()
                .basic(clientB.clientId(), clientB.secret()).formParam("token", accessToken)
                .post("/oauth2/introspect").then().statusCode(200).body("active", equalTo(false));
        b.anonymous().header("Authorization", "Bearer " + accessToken).get("/oauth2/userinfo").then()
                .statusCode(401);
    }
}
