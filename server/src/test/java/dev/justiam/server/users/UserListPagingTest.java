package dev.justiam.server.users;

import static dev.justiam.server.testing.Api.adminToken;
import static dev.justiam.server.testing.Api.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.justiam.server.testing.Api;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Paging edges and search of the user list; every fixture shares a marker so counts are exact. */
class UserListPagingTest {

    private static String admin;
    private static String marker;
    private static List<String> newestFirst;

    @BeforeAll
    static void createUsers() {
        admin = adminToken();
        marker = "pg" + UUID.randomUUID().toString().substring(0, 6);
        newestFirst = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            newestFirst.add(0, Api.createUser(admin, marker + "-" + i, Api.PASSWORD));
        }
    }

    @Test
    void listUsersWhenPagedThenNewestFirstWithTotal() {
        as(admin).queryParam("search", marker).queryParam("limit", 2).queryParam("page", 1).get("/api/v1/users")
                .then().statusCode(200)
                .body("total", equalTo(5)).body("page", equalTo(1)).body("limit", equalTo(2))
                .body("data.id", contains(newestFirst.get(0), newestFirst.get(1)));
        as(admin).queryParam("search", marker).queryParam("limit", 2).queryParam("page", 3).get("/api/v1/users")
                .then().statusCode(200)
                .body("total", equalTo(5)).body("data.id", contains(newestFirst.get(4)));
    }

    @Test
    void listUsersWhenPastLastPageThenEmptyDataWithTotal() {
        as(admin).queryParam("search", marker).queryParam("limit", 2).queryParam("page", 4).get("/api/v1/users")
                .then().statusCode(200)
                .body("data", empty()).body("total", equalTo(5)).body("page", equalTo(4)).body("limit", equalTo(2));
    }

    @Test
    void listUsersWhenNoParametersThenDefaults() {
        as(admin).get("/api/v1/users").then().statusCode(200).body("page", equalTo(1)).body("limit", equalTo(20));
    }

    @Test
    void listUsersWhenLimitIsMaximumThenAccepted() {
        as(admin).queryParam("limit", 100).get("/api/v1/users").then().statusCode(200).body("limit", equalTo(100));
    }

    @ParameterizedTest(name = "{0}={1} is refused")
    @CsvSource({
        "page, 0", "page, -1", "page, abc", "page, 1.5", "page, 99999999999",
        "limit, 0", "limit, 101", "limit, abc", "limit, -5"})
    void listUsersWhenPagingOutOfRangeOrNotNumericThenValidationFailed(String param, String value) {
        as(admin).queryParam(param, value).get("/api/v1/users")
                .then().statusCode(400)
                .body("code", equalTo("validation_failed"))
                .body("message", org.hamcrest.Matchers.notNullValue())
                .body("details.fields", hasKey(param));
    }

    @ParameterizedTest(name = "{0} list refuses page=0")
    @CsvSource({"/api/v1/groups", "/api/v1/audit-logs", "/api/v1/me/groups"})
    void otherListsWhenPageZeroThenValidationFailed(String path) {
        as(admin).queryParam("page", 0).get(path)
                .then().statusCode(400).body("code", equalTo("validation_failed"))
                .body("details.fields", hasKey("page"));
    }

    @Test
    void listUsersWhenSearchHasPercentOrUnderscoreThenTheyAreLiteral() {
        String tag = "lit" + UUID.randomUUID().toString().substring(0, 6);
        String percent = Api.createUser(admin, tag + "-x", Api.PASSWORD);
        as(admin).body(Map.of("display_name", tag + " 100% sure")).patch("/api/v1/users/{id}", percent)
                .then().statusCode(200);
        String underscore = Api.createUser(admin, tag + "_a", Api.PASSWORD);
        // These would match "%" or "_" if they were wildcards.
        Api.createUser(admin, tag + "-ab", Api.PASSWORD);
        Api.createUser(admin, tag + ".b", Api.PASSWORD);

        as(admin).queryParam("search", tag + " 100%").get("/api/v1/users")
                .then().statusCode(200).body("total", equalTo(1)).body("data.id", contains(percent));
        as(admin).queryParam("search", "%" + tag).get("/api/v1/users")
                .then().statusCode(200).body("total", equalTo(0));
        as(admin).queryParam("search", tag + "_").get("/api/v1/users")
                .then().statusCode(200).body("total", equalTo(1)).body("data.id", contains(underscore));
        as(admin).queryParam("search", tag + "\\").get("/api/v1/users")
                .then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void listUsersWhenSearchMatchesEmailOrNameCaseInsensitiveThenFound() {
        String username = "ci" + UUID.randomUUID().toString().substring(0, 6);
        String id = Api.createUser(admin, username, Api.PASSWORD);
        as(admin).body(Map.of("first_name", "Grace" + username)).patch("/api/v1/users/{id}", id).then().statusCode(200);

        as(admin).queryParam("search", username.toUpperCase() + "@EXAMPLE").get("/api/v1/users")
                .then().statusCode(200).body("data.id", contains(id));
        as(admin).queryParam("search", "grace" + username).get("/api/v1/users")
                .then().statusCode(200).body("data.id", contains(id));
    }

    @Test
    void listUsersWhenSearchHasNulOrIsTooLongThenValidationFailed() {
        as(admin).queryParam("search", "a\u0000b").get("/api/v1/users")
                .then().statusCode(400).body("code", equalTo("validation_failed"))
                .body("details.fields", hasKey("search"));
        as(admin).queryParam("search", "a".repeat(201)).get("/api/v1/users")
                .then().statusCode(400).body("code", equalTo("validation_failed"));
    }

    @Test
    void listUsersWhenStatusFilterThenOnlyThatStatus() {
        String tag = "st" + UUID.randomUUID().toString().substring(0, 6);
        String active = Api.createUser(admin, tag + "-a", Api.PASSWORD);
        String disabled = Api.createUser(admin, tag + "-d", Api.PASSWORD);
        as(admin).post("/api/v1/users/{id}/disable", disabled).then().statusCode(200);

        as(admin).queryParam("search", tag).queryParam("status", "active").get("/api/v1/users")
                .then().statusCode(200).body("data.id", contains(active));
        as(admin).queryParam("search", tag).queryParam("status", "disabled").get("/api/v1/users")
                .then().statusCode(200).body("data.id", contains(disabled));
        as(admin).queryParam("search", tag).get("/api/v1/users")
                .then().statusCode(200).body("data.id", containsInAnyOrder(active, disabled));
    }
}
