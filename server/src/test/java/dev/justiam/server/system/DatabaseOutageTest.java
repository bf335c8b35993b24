package dev.justiam.server.system;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.justiam.server.JustIam;
import dev.justiam.server.http.ErrorMapper;
import dev.justiam.server.testing.TestServer;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** A node whose database disappears: health says so quickly, and failures are opaque 500s with an id. */
class DatabaseOutageTest {

    private static void onSharedServer(String sql) throws SQLException {
        try (Connection c = TestServer.shared().database().dataSource().getConnection();
                Statement s = c.createStatement()) {
            c.setAutoCommit(true);
            s.execute(sql);
        }
    }

    @Test
    void healthzWhenDatabaseDroppedThenUnavailableAndApiFailsWithErrorIdSharedWithLog() throws Exception {
        String name = "outage_" + UUID.randomUUID().toString().substring(0, 8);
        onSharedServer("CREATE DATABASE " + name);
        String[] db = TestServer.shared().databaseCoordinates();
        String url = db[0].substring(0, db[0].lastIndexOf('/') + 1) + name;
        ListAppender<ILoggingEvent> errors = new ListAppender<>();
        Logger errorLog = (Logger) LoggerFactory.getLogger(ErrorMapper.class);
        errors.start();
        errorLog.addAppender(errors);

        try (JustIam node = JustIam.start(TestServer.config(null, Map.of("JUSTIAM_DB_URL", url,
                "JUSTIAM_DB_USER", db[1], "JUSTIAM_DB_PASSWORD", db[2],
                "JUSTIAM_DATA_DIR", TestServer.dataRoot().resolve("shared").toString())))) {
            String base = "http://localhost:" + node.port();
            given().baseUri(base).get("/healthz").then().statusCode(200).body("status", equalTo("ok"));
            String token = given().baseUri(base).contentType(ContentType.JSON)
                    .body(Map.of("login", "admin", "password", TestServer.ADMIN_PASSWORD))
                    .post("/api/v1/auth/login").then().statusCode(200).extract().path("token");

            onSharedServer("DROP DATABASE " + name + " WITH (FORCE)");

            long started = System.nanoTime();
            given().baseUri(base).get("/healthz").then().statusCode(503).body("status", equalTo("unavailable"));
            long millis = (System.nanoTime() - started) / 1_000_000;
            assertTrue(millis < 5_000, "health answered after " + millis + " ms");

            Response failed = given().baseUri(base).header("Authorization", "Bearer " + token).get("/api/v1/users");
            assertEquals(500, failed.statusCode());
            assertEquals("internal_error", failed.path("code"));
            String errorId = failed.path("details.error_id");
            assertEquals(Map.of("error_id", errorId), failed.path("details"));
            assertFalse(failed.asString().contains("SQL") || failed.asString().contains("Exception"),
                    failed.asString());
            assertTrue(errors.list.stream().anyMatch(e -> e.getFormattedMessage().contains(errorId)),
                    "the log names error " + errorId);
        } finally {
            errorLog.detachAppender(errors);
        }
    }
}
