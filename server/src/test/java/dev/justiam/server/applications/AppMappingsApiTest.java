package dev.justiam.server.applications;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.justiam.server.testing.Api;
import dev.justiam.server.testing.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AppMappingsApiTest {

    private static String admin;

    @BeforeAll
    static void signIn() {
        admin = Api.adminToken();
    }

    private static String createApp(boolean assignmentRequired) {
        return Api.as(admin).body(Map.of("protocol", "oidc", "name", Api.unique("mapped"),
                "assignment_required", assignmentRequired, "launch_url", "https://app.example.com/",
                "oidc", Map.of("redirect_uris", List.of("https://app.example.com/cb"))))
                .post("/api/v1/applications").then().statusCode(201).extract().path("id");
    }

    private static String createGroup() {
        return Api.as(admin).body(Map.of("name", Api.unique("grp"))).post("/api/v1/groups").then().statusCode(201)
                .extract().path("id");
    }

    @Test
    void rolesWhenMappedDirectlyAndThroughGroupThenCombined() {
        String app = createApp(true);
        String username = Api.unique("mapped-user");
        String user = Api.createUser(admin, username, "mapped-password-1");
        String group = createGroup();
        Api.as(admin).body(Map.of("user_ids", List.of(user))).post("/api/v1/groups/" + group + "/members").then()
                .statusCode(204);
        Api.as(admin).body(Map.of("application_id", app, "subject_type", "user", "subject_id", user,
                "roles", List.of("viewer"))).post("/api/v1/app-mappings").then().statusCode(201);
        String groupMapping = Api.as(admin).body(Map.of("application_id", app, "subject_type", "group",
                "subject_id", group, "roles", List.of("editor", "viewer"))).post("/api/v1/app-mappings").then()
                .statusCode(201).body("roles", contains("editor", "viewer")).extract().path("id");

        UUID tenant = TestServer.shared().core().tenants.find("default").orElseThrow().id();
        List<String> roles = TestServer.shared().database().read(s -> s.getMapper(
                dev.justiam.server.mappings.AppMappingMapper.class).findRolesOfUser(tenant, UUID.fromString(app),
                UUID.fromString(user)));
        org.junit.jupiter.api.Assertions.assertEquals(List.of("editor", "viewer"), roles);

        Api.as(admin).queryParam("user_id", user).get("/api/v1/app-mappings").then().statusCode(200)
                .body("total", equalTo(2));
        Api.as(admin).body(Map.of("roles", List.of("owner"))).patch("/api/v1/app-mappings/" + groupMapping).then()
                .statusCode(200).body("roles", contains("owner"));
        Api.as(admin).delete("/api/v1/app-mappings/" + groupMapping).then().statusCode(204);
        Api.as(admin).get("/api/v1/app-mappings/" + groupMapping).then().statusCode(404);
    }

    @Test
    void createWhenSubjectUnknownThenNotFound() {
        Api.as(admin).body(Map.of("application_id", createApp(false), "subject_type", "user",
                "subject_id", UUID.randomUUID().toString())).post("/api/v1/app-mappings").then().statusCode(404);
        Api.as(admin).body(Map.of("application_id", UUID.randomUUID().toString(), "subject_type", "group",
                "subject_id", createGroup())).post("/api/v1/app-mappings").then().statusCode(404);
    }

    @Test
    void createWhenAlreadyMappedThenConflict() {
        String app = createApp(false);
        String group = createGroup();
        Map<String, Object> body = Map.of("application_id", app, "subject_type", "group", "subject_id", group);
        Api.as(admin).body(body).post("/api/v1/app-mappings").then().statusCode(201);
        Api.as(admin).body(body).post("/api/v1/app-mappings").then().statusCode(409);
    }

    @Test
    void myApplicationsWhenAssignmentRequiredThenOnlyMappedOnesListed() {
        String open = createApp(false);
        String restricted = createApp(true);
        String username = Api.unique("me-apps");
        String user = Api.createUser(admin, username, "me-apps-password");
        String token = Api.login(username, "me-apps-password");

        Api.as(token).queryParam("limit", 100).get("/api/v1/me/applications").then().statusCode(200)
                .body("data.id", hasItem(open)).body("data.id", not(hasItem(restricted)));

        Api.as(admin).body(Map.of("application_id", restricted, "subject_type", "user", "subject_id", user))
                .post("/api/v1/app-mappings").then().statusCode(201);
        Api.as(token).queryParam("limit", 100).get("/api/v1/me/applications").then().statusCode(200)
                .body("data.id", hasItem(restricted))
                .body("data.find { it.id == '" + restricted + "' }.launch_url", equalTo("https://app.example.com/"));
    }

    @Test
    void deleteUserWhenMappedThenMappingsRemoved() {
        String app = createApp(true);
        String user = Api.createUser(admin, Api.unique("gone"), "gone-password-1");
        Api.as(admin).body(Map.of("application_id", app, "subject_type", "user", "subject_id", user))
                .post("/api/v1/app-mappings").then().statusCode(201);
        Api.as(admin).delete("/api/v1/users/" + user).then().statusCode(204);
        Api.as(admin).queryParam("application_id", app).get("/api/v1/app-mappings").then().statusCode(200)
                .body("total", equalTo(0));
    }
}
