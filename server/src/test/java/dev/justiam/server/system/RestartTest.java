package dev.justiam.server.system;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.justiam.server.JustIam;
import dev.justiam.server.testing.TestServer;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

/**
 * A server on its own data directory, first started without an administrator password, stopped
 * and started again: everything is still there.
 */
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

    /** Starts a server on this directory, returning it and whatever it printed to the console. */
    private static JustIam startCapturingConsole(Path dir, Map<String, String> env, StringBuilder console) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            return JustIam.start(TestServer.config(dir, env));
        } finally {
            System.setOut(original);
            console.append(captured.toString(StandardCharsets.UTF_8));
        }
    }

    @Test
    void startWhenSameDataDirectoryThenDataKeptMigrationsUnchangedAndAdminPasswordKept() throws Exception {
        Path dir = TestServer.freshDir("restart");
        String userId;
        String groupId;
        String token;
        String password;
        List<String> firstMigrations;

        // No JUSTIAM_ADMIN_PASSWORD: the first start prints a generated one, once.
        StringBuilder firstConsole = new StringBuilder();
        try (JustIam first = startCapturingConsole(dir, Map.of("JUSTIAM_ADMIN_PASSWORD", ""), firstConsole)) {
            Matcher printed = Pattern.compile("sign in as 'admin' with this password\\.[\\s\\S]*?\\n\\s+(\\S+)\\s*\\n=+")
                    .matcher(firstConsole);
            assertTrue(printed.find(), firstConsole.toString());
            password = printed.group(1);
            token = login(first, password);
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

        // A JUSTIAM_ADMIN_PASSWORD on a later start must not reset the stored one, and nothing is printed.
        StringBuilder secondConsole = new StringBuilder();
        try (JustIam second = startCapturingConsole(dir,
                Map.of("JUSTIAM_ADMIN_PASSWORD", "a different password now"), secondConsole)) {
            assertFalse(secondConsole.toString().contains(password), secondConsole.toString());
            assertFalse(secondConsole.toString().contains("first start"), secondConsole.toString());
            assertEquals(firstMigrations, migrations(second));

            on(second).header("Authorization", "Bearer " + token).get("/api/v1/me")
                    .then().statusCode(200).body("username", equalTo("admin"));
            String fresh = login(second, password);
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
