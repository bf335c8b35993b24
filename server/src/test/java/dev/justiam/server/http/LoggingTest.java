package dev.justiam.server.http;

import static dev.justiam.server.testing.Api.anonymous;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.justiam.server.testing.Api;
import dev.justiam.server.testing.Api.TestUser;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** One access log line per request, and never a password, token or query string in any log line. */
class LoggingTest {

    @Test
    void requestsWhenCarryingSecretsThenLoggedWithoutThem() throws InterruptedException {
        TestUser user = Api.signedInUser("logged");
        String secretPassword = "secret-" + UUID.randomUUID();
        String secretSearch = "query-" + UUID.randomUUID();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Logger access = (Logger) LoggerFactory.getLogger("justiam.access");
        Level accessLevel = access.getLevel();
        ListAppender<ILoggingEvent> events = new ListAppender<>();
        events.start();
        root.addAppender(events);
        access.setLevel(Level.INFO);
        try {
            anonymous().body(Map.of("login", user.username(), "password", secretPassword))
                    .post("/api/v1/auth/login").then().statusCode(401);
            user.request().queryParam("search", secretSearch).get("/api/v1/me/groups").then().statusCode(200);
            // The access line is written once the response has gone out, so it may trail the answer.
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (System.nanoTime() < deadline && lines(events).stream()
                    .noneMatch(l -> l.startsWith("GET /api/v1/me/groups"))) {
                Thread.sleep(20);
            }
        } finally {
            root.detachAppender(events);
            access.setLevel(accessLevel);
        }

        List<String> lines = lines(events);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("POST /api/v1/auth/login 401 ")
                && l.endsWith("tenant=default")), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("GET /api/v1/me/groups 200 ")), lines.toString());
        for (String line : lines) {
            assertFalse(line.contains(secretPassword), line);
            assertFalse(line.contains(secretSearch), line);
            assertFalse(line.contains(user.token()), line);
        }
    }

    /** A copy of what was logged; the appender adds under its own lock while requests finish. */
    private static List<String> lines(ListAppender<ILoggingEvent> events) {
        synchronized (events) {
            return events.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        }
    }
}
