package dev.justiam.server.me;

import static dev.justiam.server.testing.Api.anonymous;
import static dev.justiam.server.testing.Api.unique;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import dev.justiam.server.testing.Api;
import dev.justiam.server.testing.Api.TestUser;
import org.junit.jupiter.api.Test;

class MeApiTest {

    @Test
    void getMeWhenSignedInThenOwnProfile() {
        TestUser user = Api.signedInUser("me");
        user.request().get("/api/v1/me").then().statusCode(200)
                .body("id", equalTo(user.id())).body("username", equalTo(user.username()));
    }

    @Test
    void getMeWhenNoTokenThenUnauthenticated() {
        anonymous().get("/api/v1/me").then().statusCode(401).body("code", equalTo("unauthenticated"));
    }

    @Test
    void updateMeWhenProfileFieldsThenChangedAndAudited() {
        TestUser user = Api.signedInUser("patchme");
        user.request().body(Map.of("first_name", "Grace", "last_name", "Hopper", "display_name", "Amazing Grace"))
                .patch("/api/v1/me")
                .then().statusCode(200)
                .body("first_name", equalTo("Grace")).body("display_name", equalTo("Amazing Grace"))
                .body("username", equalTo(user.username()));
        assertEquals(1, Api.audit(Map.of("action", "user.update", "actor_id", user.id())).size());
    }

    @Test
    void updateMeWhenUsernameOrEmailSentThenValidationFailed() {
        TestUser user = Api.signedInUser("selfrename");
        user.request().body(Map.of("username", "boss")).patch("/api/v1/me")
                .then().statusCode(400).body("code", equalTo("validation_failed"))
                .body("details.fields.username", equalTo("is not a known field"));
        user.request().body(Map.of("email", "x@example.com")).patch("/api/v1/me")
                .then().statusCode(400).body("code", equalTo("validation_failed"));
    }

    @Test
    void updateMeWhenTooLongOrControlCharactersThenValidationFailed() {
        TestUser user = Api.signedInUser("long");
        user.request().body(Map.of("first_name", "x".repeat(101))).patch("/api/v1/me")
                .then().statusCode(400).body("details.fields", hasKey("first_name"));
        user.request().body("{\"display_name\":\"a\\u0000b\"}").patch("/api/v1/me")
                .then().statusCode(400).body("details.fields", hasKey("display_name"));
    }

    @Test
    void updateMeWhenBodyMissingOrMalformedThenBadRequestEnvelope() {
        TestUser user = Api.signedInUser("nobody");
        user.request().patch("/api/v1/me").then().statusCode(400).body("code", equalTo("validation_failed"));
        user.request().body("{\"first_name\": ").patch("/api/v1/me")
                .then().statusCode(400).body("code", equalTo("malformed_json"));
        user.request().contentType("text/plain").body("x").patch("/api/v1/me")
                .then().statusCode(415).body("code", equalTo("unsupported_media_type"));
    }

    @Test
    void changeMyPasswordWhenCurrentRightThenOtherSessionsEndAndThisOneStays() {
        TestUser user = Api.signedInUser("chpw");
        String otherSession = Api.login(user.username(), user.password());

        user.request().body(Map.of("current_password", user.password(), "new_password", "my new passphrase"))
                .post("/api/v1/me/password").then().statusCode(204);

        user.request().get("/api/v1/me").then().statusCode(200);
        Api.as(otherSession).get("/api/v1/me").then().statusCode(401);
        Api.login(user.username(), "my new passphrase");
        anonymous().body(Map.of("login", user.username(), "password", user.password())).post("/api/v1/auth/login")
                .then().statusCode(401);
        assertEquals(1, Api.audit(Map.of("action", "user.password.change", "target_id", user.id(),
                "result", "success")).size());
    }

    @Test
    void changeMyPasswordWhenCurrentWrongThenRefusedAndAudited() {
        TestUser user = Api.signedInUser("wrongpw");
        user.request().body(Map.of("current_password", "not it at all", "new_password", "my new passphrase"))
                .post("/api/v1/me/password")
                .then().statusCode(400).body("code", equalTo("invalid_current_password"))
                .body("details.fields", hasKey("current_password"));
        Api.login(user.username(), user.password());
        assertEquals(1, Api.audit(Map.of("action", "user.password.change", "target_id", user.id(),
                "result", "failure")).size());
    }

    @Test
    void changeMyPasswordWhenNewTooShortOrMissingThenValidationFailed() {
        TestUser user = Api.signedInUser("shortnew");
        user.request().body(Map.of("current_password", user.password(), "new_password", "short"))
                .post("/api/v1/me/password")
                .then().statusCode(400).body("code", equalTo("validation_failed"))
                .body("details.fields", hasKey("new_password"));
        user.request().body(Map.of("new_password", "long enough passphrase")).post("/api/v1/me/password")
                .then().statusCode(400).body("details.fields", hasKey("current_password"));
    }

    @Test
    void listMyGroupsWhenMemberThenListedAndPaged() {
        String admin = Api.adminToken();
        TestUser user = Api.signedInUser("mygroups");
        String name = unique("mine");
        String groupId = Api.createGroup(admin, name);
        Api.createGroup(admin, unique("notmine"));
        Api.addMembers(admin, groupId, user.id());

        user.request().get("/api/v1/me/groups").then().statusCode(200)
                .body("total", equalTo(1)).body("data.name", contains(name));
        user.request().queryParam("page", 2).get("/api/v1/me/groups").then().statusCode(200)
                .body("total", equalTo(1)).body("data.size()", equalTo(0));
        user.request().queryParam("limit", "x").get("/api/v1/me/groups").then().statusCode(400)
                .body("code", equalTo("validation_failed"));
    }
}
