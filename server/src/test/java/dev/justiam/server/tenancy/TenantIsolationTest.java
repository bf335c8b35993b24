package dev.justiam.server.tenancy;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import dev.justiam.server.testing.Tenants;
import dev.justiam.server.testing.Tenants.TestTenant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Two tenants on a multi-tenant node: nothing crosses between them. */
class TenantIsolationTest {

    private static final String PASSWORD = "a long tenant passphrase";

    private static TestTenant acme;
    private static TestTenant globex;
    private static String acmeAdmin;
    private static String globexAdmin;

    @BeforeAll
    static void createTenants() {
        acme = Tenants.create("acme");
        globex = Tenants.create("globex");
        acmeAdmin = acme.adminToken();
        globexAdmin = globex.adminToken();
    }

    private static String createUser(TestTenant tenant, String token, String username, String email) {
        return tenant.as(token).body(Map.of("username", username, "email", email, "password", PASSWORD))
                .post("/api/v1/users").then().statusCode(201).extract().path("id");
    }

    @Test
    void createUserWhenSameEmailAndUsernameInTwoTenantsThenBothAllowed() {
        String aId = createUser(acme, acmeAdmin, "shared.name", "same@example.com");
        String gId = createUser(globex, globexAdmin, "shared.name", "same@example.com");

        acme.as(acmeAdmin).body(Map.of("username", "another", "email", "SAME@example.com")).post("/api/v1/users")
                .then().statusCode(409).body("code", equalTo("conflict"));
        String aToken = acme.login("same@example.com", PASSWORD);
        String gToken = globex.login("same@example.com", PASSWORD);
        acme.as(aToken).get("/api/v1/me").then().statusCode(200).body("id", equalTo(aId));
        globex.as(gToken).get("/api/v1/me").then().statusCode(200).body("id", equalTo(gId));
    }

    @Test
    void tokenWhenUsedOnAnotherTenantThenUnauthenticated() {
        acme.as(acmeAdmin).get("/api/v1/me").then().statusCode(200);
        globex.as(acmeAdmin).get("/api/v1/me").then().statusCode(401).body("code", equalTo("unauthenticated"));
        globex.as(acmeAdmin).get("/api/v1/users").then().statusCode(401).body("code", equalTo("unauthenticated"));
    }

    @Test
    void idsWhenLookedUpOnAnotherTenantThenNotFound() {
        String userId = createUser(acme, acmeAdmin, "only.acme", "only.acme@example.com");
        String groupId = acme.as(acmeAdmin).body(Map.of("name", "acme-only")).post("/api/v1/groups")
                .then().statusCode(201).extract().path("id");

        globex.as(globexAdmin).get("/api/v1/users/{id}", userId).then().statusCode(404)
                .body("code", equalTo("not_found"));
        globex.as(globexAdmin).delete("/api/v1/users/{id}", userId).then().statusCode(404);
        globex.as(globexAdmin).post("/api/v1/users/{id}/disable", userId).then().statusCode(404);
        globex.as(globexAdmin).get("/api/v1/groups/{id}", groupId).then().statusCode(404);
        globex.as(globexAdmin).body(Map.of("user_ids", List.of(userId))).post("/api/v1/groups/{id}/members", groupId)
                .then().statusCode(404);
        String globexGroup = globex.as(globexAdmin).body(Map.of("name", "globex-team")).post("/api/v1/groups")
                .then().statusCode(201).extract().path("id");
        globex.as(globexAdmin).body(Map.of("user_ids", List.of(userId)))
                .post("/api/v1/groups/{id}/members", globexGroup)
                .then().statusCode(404).body("code", equalTo("not_found"));

        acme.as(acmeAdmin).get("/api/v1/users/{id}", userId).then().statusCode(200);
    }

    @Test
    void listsAndAuditWhenReadThenOnlyOwnTenant() {
        String id = createUser(acme, acmeAdmin, "acme.listed", "acme.listed@example.com");

        globex.as(globexAdmin).queryParam("search", "acme.listed").get("/api/v1/users")
                .then().statusCode(200).body("total", equalTo(0));
        globex.as(globexAdmin).queryParam("target_id", id).get("/api/v1/audit-logs")
                .then().statusCode(200).body("total", equalTo(0));
        acme.as(acmeAdmin).queryParam("target_id", id).get("/api/v1/audit-logs")
                .then().statusCode(200).body("total", equalTo(1));
        globex.as(globexAdmin).queryParam("action", "tenant.create").get("/api/v1/audit-logs")
                .then().statusCode(200).body("total", equalTo(1));
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "GET, /healthz-not", "GET, /api/v1/version", "POST, /api/v1/auth/login", "GET, /api/v1/me",
        "GET, /api/v1/users", "GET, /api/v1/groups", "GET, /api/v1/audit-logs", "GET, /swagger/index.html",
        "GET, /api/v1/nope", "DELETE, /api/v1/users"})
    void unknownTenantHostWhenAnyRouteThenNotFoundEnvelope(String method, String path) {
        Tenants.onHost("nosuchtenant." + Tenants.BASE_DOMAIN).body("{}").request(method, path)
                .then().statusCode(404).body("code", equalTo("not_found"));
        Tenants.onHost("acme.example.org").body("{}").request(method, path)
                .then().statusCode(404).body("code", equalTo("not_found"));
    }

    @Test
    void healthzWhenAnyHostThenOk() {
        Tenants.onHost("10.0.0.1").get("/healthz").then().statusCode(200).body("status", equalTo("ok"));
    }

    @Test
    void lastAdministratorWhenDeletedOrDisabledThenConflict() {
        TestTenant solo = Tenants.create("solo");
        String token = solo.adminToken();
        String adminId = solo.as(token).get("/api/v1/me").then().extract().path("id");

        solo.as(token).delete("/api/v1/users/{id}", adminId).then().statusCode(409)
                .body("code", equalTo("last_administrator"));
        solo.as(token).post("/api/v1/users/{id}/disable", adminId).then().statusCode(409)
                .body("code", equalTo("last_administrator"));

        solo.as(token).get("/api/v1/me").then().statusCode(200).body("status", equalTo("active"));
        int failedDeletes = solo.as(token).queryParam("action", "user.delete").get("/api/v1/audit-logs")
                .then().extract().path("total");
        assertEquals(0, failedDeletes);
    }

    @Test
    void defaultTenantWhenBaseDomainItselfThenServed() {
        Tenants.onHost(Tenants.BASE_DOMAIN).get("/api/v1/version").then().statusCode(200);
    }
}
