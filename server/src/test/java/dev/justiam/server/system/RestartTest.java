package dev.justiam.server.system;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import dev.justiam.server.JustIam;
import dev.justiam.server.testing.TestServer;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

/** A server on its own data directory, stopped and started again: everything is still there. */
class RestartTest {

    private static RequestSpecification on(JustIam server) {
        return given().baseUri("http://localhost:" + server.port()).contentType(ContentType.JSON);
    }

    private static String login(JustIam server, String password) {
        return on(server).body(Map.of("login", "admin", "password", password)).post("/api/v1/auth/login")
                .then().statusCode(200).extract().path("token");
    }

    private static List<String> migrations(JustIam server) throws SQLException {
        try (Connection c = server.database().dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "SELECT id || ' ' || md5sum || ' ' || dateexecuted FROM databasechangelog ORDER BY orderexecuted")) {
            List<String> rows = new java.util.ArrayList<>();
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
            return rows;
        }
    }

    @Test
    void startWhenSameDataDirectoryThenDataKeptMigrationsUnchangedAndAdminPasswordKept() throws Exception {
        Path dir = TestServer.freshDir("restart");
        String userId;
        String groupId;
        String token;
        List<String> firstMigrations;

        try (JustIam first = TestServer.startWithDataDir(dir)) {
            token = login(first, TestServer.ADMIN_PASSWORD);
            userId = on(first).header("Authorization", "Bearer " + token)
                    .body(Map.of("username", "survivor", "email", "survivor@example.com",
                            "password", "a survivor passphrase"))
                    .post("/api/v1/users").then().statusCode(201).extract().path("id");
            groupId = on(first).header("Authorization", "Bearer " + token).body(Map.of("name", "persistent"))
                    .post("/api/v1/groups").then().statusCode(201).extract().path("id");
            on(first).header("Authorization", "Bearer " + token).body(Map.of("user_ids", List.of(userId)))
                    .post("/api/v1/groups/{id}/members", groupId).then().statusCode(204);
            firstMigrations = migrations(first);
        }

        // A different JUSTIAM_ADMIN_PASSWORD on a later start must not reset the stored one.
        try (JustIam second = JustIam.start(TestServer.config(dir,
                Map.of("JUSTIAM_ADMIN_PASSWORD", "a different password now")))) {
            assertEquals(firstMigrations, migrations(second));

            on(second).header("Authorization", "Bearer " + token).get("/api/v1/me")
                    .then().statusCode(200).body("username", equalTo("admin"));
            String fresh = login(second, TestServer.ADMIN_PASSWORD);
            on(second).body(Map.of("login", "admin", "password", "a different password now"))
                    .post("/api/v1/auth/login").then().statusCode(401);
            on(second).header("Authorization", "Bearer " + fresh).get("/api/v1/users/{id}", userId)
                    .then().statusCode(200).body("username", equalTo("survivor"));
            on(second).header("Authorization", "Bearer " + fresh).get("/api/v1/groups/{id}/members", groupId)
                    .then().statusCode(200).body("total", equalTo(1)).body("data[0].id", equalTo(userId));
            on(second).header("Authorization", "Bearer " + fresh).queryParam("target_id", userId)
                    .get("/api/v1/audit-logs").then().statusCode(200).body("total", equalTo(1));
            on(second).body(Map.of("login", "survivor", "password", "a survivor passphrase"))
                    .post("/api/v1/auth/login").then().statusCode(200);
            on(second).header("Authorization", "Bearer " + fresh).queryParam("action", "tenant.create")
                    .get("/api/v1/audit-logs").then().statusCode(200).body("total", equalTo(1));
        }
    }
}
