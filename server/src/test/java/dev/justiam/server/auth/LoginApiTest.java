package dev.justiam.server.auth;

import static dev.justiam.server.testing.Api.adminToken;
import static dev.justiam.server.testing.Api.anonymous;
import static dev.justiam.server.testing.Api.as;
import static dev.justiam.server.testing.Api.unique;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import dev.justiam.server.testing.Api;
import dev.justiam.server.testing.Api.TestUser;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

class LoginApiTest {

    private static Response attempt(String login, String password) {
        return anonymous().body(Map.of("login", login, "password", password)).post("/api/v1/auth/login");
    }

    @Test
    void loginWhenCredentialsRightThenTokenAndUserAndNoStore() {
        String username = unique("signin");
        String id = Api.createUser(adminToken(), username, Api.PASSWORD);

        attempt(username, Api.PASSWORD)
                .then().statusCode(200)
                .header("Cache-Control", "no-store")
                .body("token", notNullValue())
                .body("token_type", equalTo("Bearer"))
                .body("expires_in", greaterThan(0))
                .body("user.id", equalTo(id))
                .body("user.last_login_at", notNullValue());

        List<Map<String, Object>> records = Api.audit(Map.of("action", "auth.login", "actor_id", id,
                "result", "success"));
        assertEquals(1, records.size());
        assertEquals("session", records.get(0).get("target_type"));
    }

    @Test
    void loginWhenEmailInOtherCaseThenSignedIn() {
        String username = unique("byemail");
        Api.createUser(adminToken(), username, Api.PASSWORD);
        attempt(username.toUpperCase() + "@EXAMPLE.COM", Api.PASSWORD).then().statusCode(200);
    }

    @Test
    void loginWhenUnknownUserOrWrongPasswordThenSameAnswerAndAudited() {
        String username = unique("same");
        String id = Api.createUser(adminToken(), username, Api.PASSWORD);
        String ghost = unique("ghost");

        Response wrong = attempt(username, "not the password");
        Response unknown = attempt(ghost, "not the password");

        assertEquals(401, wrong.statusCode());
        assertEquals(401, unknown.statusCode());
        assertEquals("invalid_credentials", wrong.path("code"));
        assertEquals(wrong.asString(), unknown.asString());
        var failures = Api.audit(Map.of("action", "auth.login", "result", "failure", "target_id", id));
        assertEquals(1, failures.size());
        assertEquals(Map.of("reason", "wrong_password"), failures.get(0).get("details"));
        boolean unknownRecorded = Api.audit(Map.of("action", "auth.login", "result", "failure")).stream()
                .anyMatch(r -> r.get("details") instanceof Map<?, ?> d && ghost.equals(d.get("login")));
        assertTrue(unknownRecorded, "the unknown login is audited");
    }

    @Test
    void loginWhenLoginHasNulOrIsHugeThenInvalidCredentialsNot500() {
        anonymous().body("{\"login\":\"ad\\u0000min\",\"password\":\"whatever\"}").post("/api/v1/auth/login")
                .then().statusCode(401).body("code", equalTo("invalid_credentials"));
        attempt("x".repeat(5000), "whatever").then().statusCode(401).body("code", equalTo("invalid_credentials"));
    }

    @Test
    void loginWhenFieldMissingThenValidationFailed() {
        anonymous().body(Map.of("login", "admin")).post("/api/v1/auth/login")
                .then().statusCode(400).body("code", equalTo("validation_failed"))
                .body("details.fields", hasKey("password"));
        anonymous().body(Map.of("password", "x")).post("/api/v1/auth/login")
                .then().statusCode(400).body("code", equalTo("validation_failed"))
                .body("details.fields", hasKey("login"));
        anonymous().post("/api/v1/auth/login")
                .then().statusCode(400).body("code", equalTo("validation_failed"));
    }

    @Test
    void loginWhenNotJsonThenUnsupportedMediaType() {
        anonymous().contentType("text/plain").body("login=admin").post("/api/v1/auth/login")
                .then().statusCode(415).body("code", equalTo("unsupported_media_type"));
    }

    @Test
    void loginWhenFiveWrongPasswordsThenLockedWithRetryAfterUntilUnlocked() {
        String username = unique("lock");
        String id = Api.createUser(adminToken(), username, Api.PASSWORD);
        for (int i = 1; i < 5; i++) {
            attempt(username, "wrong " + i).then().statusCode(401).body("code", equalTo("invalid_credentials"));
        }

        attempt(username, "wrong 5").then().statusCode(429)
                .body("code", equalTo("account_locked"))
                .header("Retry-After", notNullValue())
                .body("details.retry_after_seconds", greaterThan(0));
        // Locked: even the right password is refused.
        Response locked = attempt(username, Api.PASSWORD);
        assertEquals(429, locked.statusCode());
        assertTrue(Integer.parseInt(locked.header("Retry-After")) > 0);
        as(adminToken()).queryParam("status", "locked").queryParam("search", username).get("/api/v1/users")
                .then().body("total", equalTo(1)).body("data[0].status", equalTo("locked"));
        assertEquals(1, Api.audit(Map.of("action", "auth.lockout", "target_id", id)).size());
        List<Object> reasons = Api.audit(Map.of("action", "auth.login", "result", "failure", "target_id", id))
                .stream().map(r -> (Object) ((Map<?, ?>) r.get("details")).get("reason")).toList();
        assertEquals(List.of("account_locked", "wrong_password", "wrong_password", "wrong_password",
                "wrong_password", "wrong_password"), reasons);

        as(adminToken()).post("/api/v1/users/{id}/unlock", id).then().statusCode(200)
                .body("status", equalTo("active"));

        attempt(username, Api.PASSWORD).then().statusCode(200);
        assertEquals(1, Api.audit(Map.of("action", "user.unlock", "target_id", id)).size());
    }

    @Test
    void loginWhenUnknownLoginFailsRepeatedlyThenLockedLikeARealAccount() {
        String real = unique("exists");
        Api.createUser(adminToken(), real, Api.PASSWORD);
        String ghost = unique("ghost");
        for (int i = 1; i < 5; i++) {
            Response realAnswer = attempt(real, "wrong " + i);
            Response ghostAnswer = attempt(ghost, "wrong " + i);
            assertEquals(401, ghostAnswer.statusCode());
            assertEquals(realAnswer.asString(), ghostAnswer.asString());
        }
        // The fifth failure locks both alike: lockout must not reveal which account exists.
        Response realLocked = attempt(real, "wrong 5");
        Response ghostLocked = attempt(ghost, "wrong 5");
        assertEquals(429, realLocked.statusCode());
        assertEquals(429, ghostLocked.statusCode());
        assertEquals(realLocked.jsonPath().getString("code"), ghostLocked.jsonPath().getString("code"));
        assertEquals(realLocked.header("Retry-After"), ghostLocked.header("Retry-After"));
        attempt(ghost, "anything").then().statusCode(429).body("code", equalTo("account_locked"));
    }

    @Test
    void logoutWhenSignedInThenTokenStopsWorkingAtOnce() {
        TestUser user = Api.signedInUser("logout");
        String otherSession = Api.login(user.username(), user.password());

        user.request().post("/api/v1/auth/logout").then().statusCode(204);

        user.request().get("/api/v1/me").then().statusCode(401).body("code", equalTo("unauthenticated"));
        user.request().post("/api/v1/auth/logout").then().statusCode(401);
        as(otherSession).get("/api/v1/me").then().statusCode(200);
        assertEquals(1, Api.audit(Map.of("action", "auth.logout", "actor_id", user.id())).size());
    }

    @Test
    void logoutWhenNoTokenThenUnauthenticated() {
        anonymous().post("/api/v1/auth/logout").then().statusCode(401).body("code", equalTo("unauthenticated"))
                .header("WWW-Authenticate", "Bearer");
    }
}
