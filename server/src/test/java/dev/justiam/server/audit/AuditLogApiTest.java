package dev.justiam.server.audit;

import static dev.justiam.server.testing.Api.adminToken;
import static dev.justiam.server.testing.Api.as;
import static dev.justiam.server.testing.Api.unique;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.justiam.server.testing.Api;
import dev.justiam.server.testing.Api.TestUser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AuditLogApiTest {

    private static String admin;
    private static TestUser actor;
    private static String groupId;
    private static Instant before;
    private static Instant after;

    /** One actor makes known changes; the filters must find exactly those. */
    @BeforeAll
    static void makeChanges() throws InterruptedException {
        admin = adminToken();
        actor = Api.signedInUser("auditor");
        dev.justiam.server.testing.Roles.grantUser(actor.id(), "groups.*");
        before = Instant.now();
        Thread.sleep(20);
        groupId = actor.request().body(Map.of("name", unique("audited")))
                .post("/api/v1/groups").then().statusCode(201).extract().path("id");
        actor.request().body(Map.of("description", "changed")).patch("/api/v1/groups/{id}", groupId)
                .then().statusCode(200);
        Thread.sleep(20);
        after = Instant.now();
    }

    private static List<Map<String, Object>> list(Map<String, ?> filters) {
        return Api.audit(filters);
    }

    @Test
    void listAuditLogsWhenFilteredByActorThenOnlyTheirRecordsNewestFirst() {
        var records = list(Map.of("actor_id", actor.id()));
        List<Object> actions = records.stream().map(r -> r.get("action")).toList();
        assertEquals(List.of("group.update", "group.create", "auth.login"), actions);
        assertEquals(actor.username(), records.get(0).get("actor_name"));
        assertTrue(records.stream().allMatch(r -> "success".equals(r.get("result"))));
    }

    @Test
    void listAuditLogsWhenFilteredByActionThenOnlyThatAction() {
        as(admin).queryParam("action", "group.update").queryParam("actor_id", actor.id()).get("/api/v1/audit-logs")
                .then().statusCode(200).body("total", equalTo(1)).body("data[0].target_id", equalTo(groupId));
    }

    @Test
    void listAuditLogsWhenFilteredByTargetThenOnlyThatTarget() {
        as(admin).queryParam("target_type", "group").queryParam("target_id", groupId).get("/api/v1/audit-logs")
                .then().statusCode(200).body("total", equalTo(2))
                .body("data.target_type", everyItem(equalTo("group")));
        as(admin).queryParam("target_type", "user").queryParam("target_id", groupId).get("/api/v1/audit-logs")
                .then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void listAuditLogsWhenFilteredByResultThenOnlyThatResult() {
        String username = unique("failer");
        String id = Api.createUser(admin, username, Api.PASSWORD);
        Api.anonymous().body(Map.of("login", username, "password", "wrong password")).post("/api/v1/auth/login")
                .then().statusCode(401);
        as(admin).queryParam("target_id", id).queryParam("result", "failure").get("/api/v1/audit-logs")
                .then().statusCode(200).body("total", equalTo(1)).body("data[0].action", equalTo("auth.login"))
                .body("data[0].actor_id", equalTo(id));
        as(admin).queryParam("target_id", id).queryParam("result", "success").get("/api/v1/audit-logs")
                .then().statusCode(200).body("total", equalTo(1)).body("data[0].action", equalTo("user.create"));
    }

    @Test
    void listAuditLogsWhenTimeWindowThenOnlyRecordsInside() {
        as(admin).queryParam("actor_id", actor.id()).queryParam("from", before.toString())
                .queryParam("to", after.toString()).get("/api/v1/audit-logs")
                .then().statusCode(200).body("total", equalTo(2));
        as(admin).queryParam("actor_id", actor.id()).queryParam("to", before.toString()).get("/api/v1/audit-logs")
                .then().statusCode(200).body("total", equalTo(1)).body("data[0].action", equalTo("auth.login"));
        as(admin).queryParam("actor_id", actor.id()).queryParam("from", after.toString()).get("/api/v1/audit-logs")
                .then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void listAuditLogsWhenPagedThenTotalStaysAndPastLastPageEmpty() {
        as(admin).queryParam("actor_id", actor.id()).queryParam("limit", 2).queryParam("page", 2)
                .get("/api/v1/audit-logs")
                .then().statusCode(200).body("total", equalTo(3)).body("data.size()", equalTo(1));
        as(admin).queryParam("actor_id", actor.id()).queryParam("limit", 2).queryParam("page", 3)
                .get("/api/v1/audit-logs")
                .then().statusCode(200).body("total", equalTo(3)).body("data.size()", equalTo(0));
    }

    @ParameterizedTest(name = "{0}={1} is refused")
    @CsvSource({
        "from, yesterday", "to, 2026-13-01T00:00:00Z", "actor_id, not-a-uuid", "result, maybe",
        "limit, 101", "page, 0"})
    void listAuditLogsWhenFilterMalformedThenValidationFailed(String param, String value) {
        as(admin).queryParam(param, value).get("/api/v1/audit-logs")
                .then().statusCode(400).body("code", equalTo("validation_failed"))
                .body("details.fields", hasKey(param));
    }

    @Test
    void listAuditLogsWhenTextFilterHasNulOrIsTooLongThenValidationFailed() {
        as(admin).queryParam("action", "a\u0000").get("/api/v1/audit-logs")
                .then().statusCode(400).body("details.fields", hasKey("action"));
        as(admin).queryParam("target_id", "x\u0000").get("/api/v1/audit-logs")
                .then().statusCode(400).body("details.fields", hasKey("target_id"));
        as(admin).queryParam("target_type", "t".repeat(51)).get("/api/v1/audit-logs")
                .then().statusCode(400).body("details.fields", hasKey("target_type"));
    }

    @Test
    void listAuditLogsWhenFromNotBeforeToThenValidationFailed() {
        as(admin).queryParam("from", after.toString()).queryParam("to", before.toString()).get("/api/v1/audit-logs")
                .then().statusCode(400).body("code", equalTo("validation_failed"))
                .body("details.fields", hasKey("from"));
    }

    @Test
    void getAuditLogWhenExistsThenFullRecord() {
        String id = (String) list(Map.of("action", "group.create", "target_id", groupId)).get(0).get("id");
        as(admin).get("/api/v1/audit-logs/{id}", id).then().statusCode(200)
                .body("id", equalTo(id)).body("action", equalTo("group.create"))
                .body("actor_id", equalTo(actor.id())).body("target_type", equalTo("group"))
                .body("result", equalTo("success")).body("ip", notNullValue())
                .body("created_at", notNullValue()).body("details.name", notNullValue());
    }

    @Test
    void getAuditLogWhenUnknownThenNotFound() {
        as(admin).get("/api/v1/audit-logs/{id}", UUID.randomUUID()).then().statusCode(404)
                .body("code", equalTo("not_found"));
    }

    @Test
    void auditLogsWhenCallerLacksAuditViewThenForbidden() {
        actor.request().get("/api/v1/audit-logs").then().statusCode(403)
                .body("code", equalTo("forbidden")).body("details.permission", equalTo("audit.view"));
    }
}
