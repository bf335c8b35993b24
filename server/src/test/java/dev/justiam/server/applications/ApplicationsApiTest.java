package dev.justiam.server.applications;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import java.util.Map;

import dev.justiam.server.crypto.Secrets;
import dev.justiam.server.testing.Api;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ApplicationsApiTest {

    private static String admin;

    @BeforeAll
    static void signIn() {
        admin = Api.adminToken();
    }

    private static ValidatableResponse createOidc(Map<String, Object> oidc) {
        return Api.as(admin).body(Map.of("protocol", "oidc", "name", Api.unique("app"), "oidc", oidc))
                .post("/api/v1/applications").then();
    }

    @Test
    void createWhenConfidentialClientThenSecretShownOnceAndStoredHashed() {
        String clientId = Api.unique("wiki");
        var created = createOidc(Map.of("client_id", clientId, "redirect_uris", List.of("https://wiki.example.com/cb")))
                .statusCode(201)
                .header("Cache-Control", "no-store")
                .body("oidc.client_id", equalTo(clientId))
                .body("oidc.client_type", equalTo("confidential"))
                .body("oidc.token_endpoint_auth_method", equalTo("client_secret_basic"))
                .body("oidc.grant_types", equalTo(List.of("authorization_code", "refresh_token")))
                .body("oidc.pkce_required", equalTo(true))
                .body("client_secret", notNullValue())
                .extract();
        String id = created.path("id");
        String secret = created.path("client_secret");

        Api.as(admin).get("/api/v1/applications/" + id).then().statusCode(200)
                .body("$", not(hasKey("client_secret")))
                .body("oidc.redirect_uris", equalTo(List.of("https://wiki.example.com/cb")));
        var row = dev.justiam.server.testing.TestServer.shared().database().read(s -> s.getMapper(
                ApplicationMapper.class).findApplicationByClientId(tenantOf(id), clientId));
        assertEquals(Secrets.sha256Hex(secret), row.clientSecretHash());
    }

    @Test
    void createWhenPublicClientThenNoSecretAndAuthMethodNone() {
        createOidc(Map.of("client_type", "public", "redirect_uris", List.of("http://127.0.0.1:4000/cb")))
                .statusCode(201)
                .body("oidc.token_endpoint_auth_method", equalTo("none"))
                .body("client_secret", nullValue());
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://app.example.com/cb#frag", "http://app.example.com/cb", "/relative/cb",
            "https://user:pw@app.example.com/cb", "not a uri", "ftp://app.example.com/cb"})
    void createWhenRedirectUriUnacceptableThenValidationFailed(String uri) {
        createOidc(Map.of("redirect_uris", List.of(uri))).statusCode(400)
                .body("code", equalTo("validation_failed"))
                .body("details.fields", hasKey("oidc.redirect_uris"));
    }

    @Test
    void createWhenPublicClientAsksClientCredentialsThenValidationFailed() {
        createOidc(Map.of("client_type", "public", "redirect_uris", List.of("https://a.example.com/cb"),
                "grant_types", List.of("authorization_code", "client_credentials")))
                .statusCode(400).body("details.fields", hasKey("oidc.grant_types"));
    }

    @Test
    void createWhenClientIdTakenThenConflict() {
        String clientId = Api.unique("dup");
        createOidc(Map.of("client_id", clientId, "redirect_uris", List.of("https://a.example.com/cb"))).statusCode(201);
        createOidc(Map.of("client_id", clientId, "redirect_uris", List.of("https://b.example.com/cb")))
                .statusCode(409).body("details.field", equalTo("oidc.client_id"));
    }

    @Test
    void createWhenSamlThenDefaultsAndEntityIdUnique() {
        String entityId = "https://" + Api.unique("sp") + ".example.com/metadata";
        Map<String, Object> body = Map.of("protocol", "saml", "name", "SP", "saml", Map.of("entity_id", entityId,
                "acs_urls", List.of("https://sp.example.com/acs"),
                "attribute_mappings", List.of(Map.of("name", "mail", "source", "email"))));
        Api.as(admin).body(body).post("/api/v1/applications").then().statusCode(201)
                .body("saml.name_id_format", equalTo("email"))
                .body("saml.sign_assertion", equalTo(true))
                .body("saml.attribute_mappings[0].source", equalTo("email"))
                .body("oidc", nullValue())
                .body("client_secret", nullValue());
        Api.as(admin).body(body).post("/api/v1/applications").then().statusCode(409)
                .body("details.field", equalTo("saml.entity_id"));
    }

    @Test
    void createWhenSignedRequestsRequiredWithoutCertificateThenValidationFailed() {
        Api.as(admin).body(Map.of("protocol", "saml", "name", "SP", "saml", Map.of("entity_id", Api.unique("urn:sp"),
                "acs_urls", List.of("https://sp.example.com/acs"), "require_signed_requests", true)))
                .post("/api/v1/applications").then().statusCode(400)
                .body("details.fields", hasKey("saml.sp_certificate"));
        Api.as(admin).body(Map.of("protocol", "saml", "name", "SP", "saml", Map.of("entity_id", Api.unique("urn:sp"),
                "acs_urls", List.of("https://sp.example.com/acs"), "sp_certificate", "-----BEGIN CERTIFICATE-----x")))
                .post("/api/v1/applications").then().statusCode(400)
                .body("details.fields", hasKey("saml.sp_certificate"));
    }

    @Test
    void createWhenOidcBlockOnSamlAppThenValidationFailed() {
        Api.as(admin).body(Map.of("protocol", "saml", "name", "SP", "oidc", Map.of()))
                .post("/api/v1/applications").then().statusCode(400).body("details.fields", hasKey("oidc"));
    }

    @Test
    void updateWhenFieldsPresentThenOnlyThoseChangeAndClientIdIsFixed() {
        String id = createOidc(Map.of("redirect_uris", List.of("https://a.example.com/cb"), "consent_required", true))
                .statusCode(201).extract().path("id");
        Api.as(admin).body(Map.of("enabled", false, "oidc", Map.of("access_token_ttl", 600)))
                .patch("/api/v1/applications/" + id).then().statusCode(200)
                .body("enabled", equalTo(false))
                .body("oidc.access_token_ttl", equalTo(600))
                .body("oidc.consent_required", equalTo(true))
                .body("oidc.redirect_uris", equalTo(List.of("https://a.example.com/cb")));
        Api.as(admin).body(Map.of("oidc", Map.of("client_id", "other")))
                .patch("/api/v1/applications/" + id).then().statusCode(400)
                .body("details.fields", hasKey("oidc.client_id"));
    }

    @Test
    void rotateSecretWhenConfidentialThenNewSecretReplacesOld() {
        var created = createOidc(Map.of("redirect_uris", List.of("https://a.example.com/cb"))).statusCode(201)
                .extract();
        String first = created.path("client_secret");
        String second = Api.as(admin).post("/api/v1/applications/" + created.path("id") + "/secret").then()
                .statusCode(200).body("client_id", equalTo(created.path("oidc.client_id")))
                .extract().path("client_secret");
        assertNotEquals(first, second);
    }

    @Test
    void rotateSecretWhenPublicClientThenConflict() {
        String id = createOidc(Map.of("client_type", "public", "redirect_uris", List.of("https://a.example.com/cb")))
                .statusCode(201).extract().path("id");
        Api.as(admin).post("/api/v1/applications/" + id + "/secret").then().statusCode(409)
                .body("code", equalTo("no_client_secret"));
    }

    @Test
    void deleteWhenExistsThenGoneAndAudited() {
        String id = createOidc(Map.of("redirect_uris", List.of("https://a.example.com/cb"))).statusCode(201)
                .extract().path("id");
        Api.as(admin).delete("/api/v1/applications/" + id).then().statusCode(204);
        Api.as(admin).get("/api/v1/applications/" + id).then().statusCode(404).body("code", equalTo("not_found"));
        Api.as(admin).queryParam("target_id", id).get("/api/v1/audit-logs").then().statusCode(200)
                .body("data.action", hasItem("application.delete"))
                .body("data.action", hasItem("application.create"));
    }

    @Test
    void listWhenFilteredByProtocolAndSearchThenOnlyMatches() {
        String name = Api.unique("find_me%");
        Api.as(admin).body(Map.of("protocol", "oidc", "name", name, "oidc",
                Map.of("redirect_uris", List.of("https://a.example.com/cb")))).post("/api/v1/applications")
                .then().statusCode(201);
        Api.as(admin).queryParam("search", name).queryParam("protocol", "oidc").get("/api/v1/applications").then()
                .statusCode(200).body("total", equalTo(1)).body("data[0].name", equalTo(name));
        Api.as(admin).queryParam("search", name).queryParam("protocol", "saml").get("/api/v1/applications").then()
                .statusCode(200).body("total", equalTo(0));
    }

    @Test
    void builtInAccountClientWhenChangedOrDeletedOrReusedThenConflict() {
        // The account page creates its client on first use.
        io.restassured.RestAssured.given().baseUri(dev.justiam.server.testing.TestServer.baseUrl()).redirects()
                .follow(false).get("/account").then().statusCode(303);
        String id = Api.as(admin).queryParam("search", "Account").queryParam("limit", 100)
                .get("/api/v1/applications").then().statusCode(200)
                .extract().path("data.find { it.oidc?.client_id == 'justiam-account' }.id");
        Api.as(admin).body(Map.of("enabled", false)).patch("/api/v1/applications/" + id).then().statusCode(409)
                .body("code", equalTo("built_in_application"));
        Api.as(admin).delete("/api/v1/applications/" + id).then().statusCode(409)
                .body("code", equalTo("built_in_application"));
        createOidc(Map.of("client_id", "justiam-account", "redirect_uris", List.of("https://a.example.com/cb")))
                .statusCode(409).body("details.field", equalTo("oidc.client_id"));
    }

    @Test
    void listWhenUserLacksPermissionThenForbidden() {
        String user = Api.unique("plain");
        Api.createUser(admin, user, "plain-password-1");
        Api.as(Api.login(user, "plain-password-1")).get("/api/v1/applications").then().statusCode(403)
                .body("code", equalTo("forbidden")).body("details.permission", equalTo("apps.read"));
    }

    private static java.util.UUID tenantOf(String appId) {
        return dev.justiam.server.testing.TestServer.shared().core().tenants.find("default").orElseThrow().id();
    }
}
