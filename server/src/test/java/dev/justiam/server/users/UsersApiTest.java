package dev.justiam.server.users;

import static dev.justiam.server.testing.Api.adminToken;
import static dev.justiam.server.testing.Api.anonymous;
import static dev.justiam.server.testing.Api.as;
import static dev.justiam.server.testing.Api.unique;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.UUID;

import dev.justiam.server.testing.Api;
import dev.justiam.server.testing.Api.TestUser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class UsersApiTest {

    private static String admin;

    @BeforeAll
    static void signIn() {
        admin = adminToken();
    }

    @Test
    void createUserWhenValidThenCreatedAndAudited() {
        String username = unique("create");
        String id = as(admin)
                .body(Map.of("username", username, "email", username + "@Example.com", "first_name", "Ada",
                        "last_name", "Lovelace", "display_name", "Ada L.", "password", Api.PASSWORD))
                .post("/api/v1/users")
                .then().statusCode(201)
                .body("username", equalTo(username))
                .body("email", equalTo(username + "@Example.com"))
                .body("status", equalTo("active"))
                .body("email_verified", equalTo(false))
                .body("$", not(hasKey("password")))
                .body("$", not(hasKey("password_hash")))
                .extract().path("id");

        as(admin).get("/api/v1/users/{id}", id).then().statusCode(200).body("display_name", equalTo("Ada L."));
        var records = Api.audit(Map.of("action", "user.create", "target_id", id));
        assertEquals(1, records.size());
        assertEquals("admin", records.get(0).get("actor_name"));
        Api.login(username.toUpperCase(), Api.PASSWORD);
    }

    @Test
    void createUserWhenUsernameDiffersOnlyInCaseThenConflict() {
        String username = unique("dup");
        Api.createUser(admin, username, Api.PASSWORD);
        as(admin).body(Map.of("username", username.toUpperCase()))
                .post("/api/v1/users")
                .then().statusCode(409).body("code", equalTo("conflict")).body("details.field", equalTo("username"));
    }

    @Test
    void createUserWhenEmailDiffersOnlyInCaseThenConflict() {
        String username = unique("mail");
        Api.createUser(admin, username, Api.PASSWORD);
        as(admin).body(Map.of("username", unique("other"), "email", username.toUpperCase() + "@EXAMPLE.COM"))
                .post("/api/v1/users")
                .then().statusCode(409).body("code", equalTo("conflict")).body("details.field", equalTo("email"));
    }

    @Test
    void createUserWhenFieldsInvalidThenValidationFailedNamingEach() {
        as(admin).body(Map.of("username", "has space", "email", "not-an-email", "password", "short"))
                .post("/api/v1/users")
                .then().statusCode(400)
                .body("code", equalTo("validation_failed"))
                .body("details.fields", hasKey("username"))
                .body("details.fields", hasKey("email"))
                .body("details.fields", hasKey("password"));
    }

    @Test
    void createUserWhenEmailHasNulCharacterThenValidationFailed() {
        as(admin).body("{\"username\":\"" + unique("nul") + "\",\"email\":\"a\\u0000b@example.com\"}")
                .post("/api/v1/users")
                .then().statusCode(400).body("code", equalTo("validation_failed"))
                .body("details.fields", hasKey("email"));
    }

    @Test
    void createUserWhenUsernameMissingThenValidationFailed() {
        as(admin).body(Map.of("email", "x@example.com")).post("/api/v1/users")
                .then().statusCode(400).body("code", equalTo("validation_failed"))
                .body("details.fields.username", equalTo("is required"));
    }

    @Test
    void createUserWhenNoTokenThenUnauthenticated() {
        anonymous().body(Map.of("username", unique("anon"))).post("/api/v1/users")
                .then().statusCode(401).body("code", equalTo("unauthenticated"));
    }

    @Test
    void getUserWhenUnknownIdThenNotFound() {
        as(admin).get("/api/v1/users/{id}", UUID.randomUUID())
                .then().statusCode(404).body("code", equalTo("not_found")).body("message", notNullValue());
    }

    @Test
    void getUserWhenIdIsNotUuidThenNotFound() {
        as(admin).get("/api/v1/users/not-a-uuid").then().statusCode(404).body("code", equalTo("not_found"));
    }

    @Test
    void updateUserWhenFieldsGivenThenOnlyThoseChangeAndAudited() {
        String username = unique("patch");
        String id = Api.createUser(admin, username, Api.PASSWORD);
        as(admin).body(Map.of("display_name", "New Name", "email_verified", true))
                .patch("/api/v1/users/{id}", id)
                .then().statusCode(200)
                .body("display_name", equalTo("New Name"))
                .body("email_verified", equalTo(true))
                .body("username", equalTo(username))
                .body("email", equalTo(username + "@example.com"));
        var records = Api.audit(Map.of("action", "user.update", "target_id", id));
        assertEquals(1, records.size());
    }

    @Test
    void updateUserWhenEmptyStringThenOptionalFieldCleared() {
        String id = Api.createUser(admin, unique("clear"), Api.PASSWORD);
        as(admin).body(Map.of("email", "")).patch("/api/v1/users/{id}", id)
                .then().statusCode(200).body("$", not(hasKey("email")));
    }

    @Test
    void updateUserWhenUsernameTakenThenConflict() {
        String taken = unique("taken");
        Api.createUser(admin, taken, Api.PASSWORD);
        String id = Api.createUser(admin, unique("rename"), Api.PASSWORD);
        as(admin).body(Map.of("username", taken.toUpperCase())).patch("/api/v1/users/{id}", id)
                .then().statusCode(409).body("code", equalTo("conflict"));
    }

    @Test
    void updateUserWhenUnknownFieldThenValidationFailed() {
        String id = Api.createUser(admin, unique("unknown"), Api.PASSWORD);
        as(admin).body(Map.of("status", "disabled")).patch("/api/v1/users/{id}", id)
                .then().statusCode(400).body("code", equalTo("validation_failed"))
                .body("details.fields.status", equalTo("is not a known field"));
    }

    @Test
    void updateUserWhenUnknownIdThenNotFound() {
        as(admin).body(Map.of("display_name", "x")).patch("/api/v1/users/{id}", UUID.randomUUID())
                .then().statusCode(404).body("code", equalTo("not_found"));
    }

    @Test
    void deleteUserWhenSignedInThenTokenDiesAndUserGone() {
        TestUser user = Api.signedInUser("delete");
        user.request().get("/api/v1/me").then().statusCode(200);

        as(admin).delete("/api/v1/users/{id}", user.id()).then().statusCode(204);

        user.request().get("/api/v1/me").then().statusCode(401).body("code", equalTo("unauthenticated"));
        as(admin).get("/api/v1/users/{id}", user.id()).then().statusCode(404);
        as(admin).delete("/api/v1/users/{id}", user.id()).then().statusCode(404).body("code", equalTo("not_found"));
        assertEquals(1, Api.audit(Map.of("action", "user.delete", "target_id", user.id())).size());
    }

    @Test
    void disableUserWhenSignedInThenTokenDiesAndSignInRefused() {
        TestUser user = Api.signedInUser("disable");

        as(admin).post("/api/v1/users/{id}/disable", user.id())
                .then().statusCode(200).body("status", equalTo("disabled"));

        user.request().get("/api/v1/me").then().statusCode(401).body("code", equalTo("unauthenticated"));
        anonymous().body(Map.of("login", user.username(), "password", user.password())).post("/api/v1/auth/login")
                .then().statusCode(401).body("code", equalTo("invalid_credentials"));
        as(admin).queryParam("status", "disabled").queryParam("search", user.username()).get("/api/v1/users")
                .then().statusCode(200).body("total", equalTo(1));
        assertEquals(1, Api.audit(Map.of("action", "user.disable", "target_id", user.id())).size());
        var refused = Api.audit(Map.of("action", "auth.login", "result", "failure", "target_id", user.id()));
        assertEquals(Map.of("reason", "account_disabled"), refused.get(0).get("details"));
    }

    @Test
    void enableUserWhenDisabledThenSignInWorksAgain() {
        TestUser user = Api.signedInUser("enable");
        as(admin).post("/api/v1/users/{id}/disable", user.id()).then().statusCode(200);

        as(admin).post("/api/v1/users/{id}/enable", user.id())
                .then().statusCode(200).body("status", equalTo("active"));

        Api.login(user.username(), user.password());
        assertEquals(1, Api.audit(Map.of("action", "user.enable", "target_id", user.id())).size());
    }

    @Test
    void disableEnableUnlockWhenUnknownIdThenNotFound() {
        for (String op : new String[] {"disable", "enable", "unlock"}) {
            as(admin).post("/api/v1/users/{id}/" + op, UUID.randomUUID())
                    .then().statusCode(404).body("code", equalTo("not_found"));
        }
    }

    @Test
    void setUserPasswordWhenValidThenOldPasswordFailsAndSessionsEnd() {
        TestUser user = Api.signedInUser("setpw");

        as(admin).body(Map.of("password", "a brand new passphrase")).post("/api/v1/users/{id}/password", user.id())
                .then().statusCode(204);

        user.request().get("/api/v1/me").then().statusCode(401);
        anonymous().body(Map.of("login", user.username(), "password", user.password())).post("/api/v1/auth/login")
                .then().statusCode(401).body("code", equalTo("invalid_credentials"));
        Api.login(user.username(), "a brand new passphrase");
        assertEquals(1, Api.audit(Map.of("action", "user.password.set", "target_id", user.id())).size());
    }

    @Test
    void setUserPasswordWhenTooShortThenValidationFailed() {
        String id = Api.createUser(admin, unique("shortpw"), Api.PASSWORD);
        as(admin).body(Map.of("password", "short")).post("/api/v1/users/{id}/password", id)
                .then().statusCode(400).body("code", equalTo("validation_failed"))
                .body("details.fields", hasKey("password"));
    }

    @Test
    void setUserPasswordWhenUnknownUserThenNotFound() {
        as(admin).body(Map.of("password", "a brand new passphrase"))
                .post("/api/v1/users/{id}/password", UUID.randomUUID())
                .then().statusCode(404).body("code", equalTo("not_found"));
    }

    @Test
    void setUserPasswordWhenBodyMissingThenValidationFailed() {
        String id = Api.createUser(admin, unique("nobody"), Api.PASSWORD);
        as(admin).post("/api/v1/users/{id}/password", id)
                .then().statusCode(400).body("code", equalTo("validation_failed"));
    }

    @Test
    void listUserGroupsWhenMemberThenGroupListed() {
        String userId = Api.createUser(admin, unique("member"), Api.PASSWORD);
        String groupName = unique("grp");
        String groupId = Api.createGroup(admin, groupName);
        Api.addMembers(admin, groupId, userId);

        as(admin).get("/api/v1/users/{id}/groups", userId)
                .then().statusCode(200)
                .body("total", equalTo(1))
                .body("data.name", hasItem(groupName))
                .body("data[0].member_count", equalTo(1));
    }

    @Test
    void listUserGroupsWhenUnknownUserThenNotFound() {
        as(admin).get("/api/v1/users/{id}/groups", UUID.randomUUID())
                .then().statusCode(404).body("code", equalTo("not_found"));
    }

    @Test
    void listUsersWhenFilteredByGroupThenOnlyMembers() {
        String prefix = unique("gf");
        String inGroup = Api.createUser(admin, prefix + "-in", Api.PASSWORD);
        Api.createUser(admin, prefix + "-out", Api.PASSWORD);
        String groupId = Api.createGroup(admin, unique("filter"));
        Api.addMembers(admin, groupId, inGroup);

        as(admin).queryParam("group_id", groupId).get("/api/v1/users")
                .then().statusCode(200).body("total", equalTo(1)).body("data[0].id", equalTo(inGroup));
    }

    @Test
    void listUsersWhenStatusOrGroupIdInvalidThenValidationFailed() {
        as(admin).queryParam("status", "sleeping").get("/api/v1/users")
                .then().statusCode(400).body("code", equalTo("validation_failed"))
                .body("details.fields", hasKey("status"));
        as(admin).queryParam("group_id", "nope").get("/api/v1/users")
                .then().statusCode(400).body("code", equalTo("validation_failed"))
                .body("details.fields", hasKey("group_id"));
    }
}
