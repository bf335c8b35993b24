package dev.justiam.server.testing;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** rest-assured helpers for the shared test server: sign-in, authorised requests, fixtures. */
public final class Api {

    public static final String PASSWORD = "a long test passphrase";

    private Api() {
    }

    public static RequestSpecification anonymous() {
        return given().baseUri(TestServer.baseUrl()).contentType(ContentType.JSON);
    }

    public static RequestSpecification as(String token) {
        return anonymous().header("Authorization", "Bearer " + token);
    }

    public static String login(String login, String password) {
        return anonymous().body(Map.of("login", login, "password", password))
                .post("/api/v1/auth/login").then().statusCode(200).extract().path("token");
    }

    public static String adminToken() {
        return login("admin", TestServer.ADMIN_PASSWORD);
    }

    /** A unique name for fixtures, so test classes sharing the server never collide. */
    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Creates an active user with a password and returns its id. */
    public static String createUser(String adminToken, String username, String password) {
        return as(adminToken)
                .body(Map.of("username", username, "email", username + "@example.com", "password", password))
                .post("/api/v1/users").then().statusCode(201).extract().path("id");
    }

    public static String createGroup(String adminToken, String name) {
        return as(adminToken).body(Map.of("name", name))
                .post("/api/v1/groups").then().statusCode(201).extract().path("id");
    }

    public static void addMembers(String adminToken, String groupId, String... userIds) {
        as(adminToken).body(Map.of("user_ids", List.of(userIds)))
                .post("/api/v1/groups/{id}/members", groupId).then().statusCode(204);
    }

    /** A fresh user who has signed in; {@code token} is their portal token. */
    public record TestUser(String id, String username, String password, String token) {

        public RequestSpecification request() {
            return as(token);
        }
    }

    public static TestUser signedInUser(String prefix) {
        String username = unique(prefix);
        String id = createUser(adminToken(), username, PASSWORD);
        return new TestUser(id, username, PASSWORD, login(username, PASSWORD));
    }

    /** Audit records matching the filters, newest first, as the admin sees them. */
    public static List<Map<String, Object>> audit(Map<String, ?> filters) {
        return as(adminToken()).queryParams(filters).queryParam("limit", 100)
                .get("/api/v1/audit-logs").then().statusCode(200).extract().path("data");
    }
}
