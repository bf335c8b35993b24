package dev.justiam.server.groups;

import static dev.justiam.server.testing.Api.adminToken;
import static dev.justiam.server.testing.Api.as;
import static dev.justiam.server.testing.Api.unique;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.justiam.server.testing.Api;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class GroupsApiTest {

    private static String admin;

    @BeforeAll
    static void signIn() {
        admin = adminToken();
    }

    @Test
    void createGroupWhenValidThenCreatedAndAudited() {
        String name = unique("eng");
        String id = as(admin).body(Map.of("name", name, "description", "Everyone who ships"))
                .post("/api/v1/groups")
                .then().statusCode(201)
                .body("name", equalTo(name)).body("description", equalTo("Everyone who ships"))
                .body("member_count", equalTo(0))
                .extract().path("id");

        as(admin).get("/api/v1/groups/{id}", id).then().statusCode(200).body("name", equalTo(name));
        assertEquals(1, Api.audit(Map.of("action", "group.create", "target_id", id)).size());
    }

    @Test
    void createGroupWhenNameDiffersOnlyInCaseThenConflict() {
        String name = unique("dup");
        Api.createGroup(admin, name);
        as(admin).body(Map.of("name", name.toUpperCase())).post("/api/v1/groups")
                .then().statusCode(409).body("code", equalTo("conflict")).body("details.field", equalTo("name"));
    }

    @Test
    void createGroupWhenNameMissingOrBlankThenValidationFailed() {
        as(admin).body(Map.of("description", "x")).post("/api/v1/groups")
                .then().statusCode(400).body("code", equalTo("validation_failed"))
                .body("details.fields", hasKey("name"));
        as(admin).body(Map.of("name", "  ")).post("/api/v1/groups")
                .then().statusCode(400).body("code", equalTo("validation_failed"));
    }

    @Test
    void createGroupWhenNameIsNumberThenValidationFailed() {
        as(admin).body("{\"name\": 5}").post("/api/v1/groups")
                .then().statusCode(400).body("code", equalTo("validation_failed"))
                .body("details.fields", hasKey("name"));
    }

    @Test
    void listGroupsWhenSearchedThenMatchesLiterally() {
        String tag = "gs" + UUID.randomUUID().toString().substring(0, 6);
        String percent = Api.createGroup(admin, tag + " 50% off");
        Api.createGroup(admin, tag + " 50 off");
        String underscore = Api.createGroup(admin, tag + "_x");
        Api.createGroup(admin, tag + "-x");

        as(admin).queryParam("search", tag + " 50%").get("/api/v1/groups")
                .then().statusCode(200).body("total", equalTo(1)).body("data.id", contains(percent));
        as(admin).queryParam("search", tag + "_").get("/api/v1/groups")
                .then().statusCode(200).body("total", equalTo(1)).body("data.id", contains(underscore));
        as(admin).queryParam("search", tag.toUpperCase()).queryParam("limit", 1).queryParam("page", 5)
                .get("/api/v1/groups")
                .then().statusCode(200).body("total", equalTo(4)).body("data", empty());
    }

    @Test
    void getGroupWhenUnknownThenNotFound() {
        as(admin).get("/api/v1/groups/{id}", UUID.randomUUID()).then().statusCode(404)
                .body("code", equalTo("not_found"));
    }

    @Test
    void updateGroupWhenRenamedThenChangedAndAudited() {
        String id = Api.createGroup(admin, unique("old"));
        String name = unique("new");
        as(admin).body(Map.of("name", name)).patch("/api/v1/groups/{id}", id)
                .then().statusCode(200).body("name", equalTo(name));
        as(admin).body(Map.of("description", "")).patch("/api/v1/groups/{id}", id)
                .then().statusCode(200).body("name", equalTo(name)).body("$", not(hasKey("description")));
        assertEquals(2, Api.audit(Map.of("action", "group.update", "target_id", id)).size());
    }

    @Test
    void updateGroupWhenNameTakenThenConflict() {
        String taken = unique("taken");
        Api.createGroup(admin, taken);
        String id = Api.createGroup(admin, unique("mine"));
        as(admin).body(Map.of("name", taken)).patch("/api/v1/groups/{id}", id)
                .then().statusCode(409).body("code", equalTo("conflict"));
    }

    @Test
    void updateGroupWhenUnknownOrBadFieldThenErrors() {
        as(admin).body(Map.of("name", "x")).patch("/api/v1/groups/{id}", UUID.randomUUID())
                .then().statusCode(404).body("code", equalTo("not_found"));
        String id = Api.createGroup(admin, unique("bad"));
        as(admin).body(Map.of("members", List.of())).patch("/api/v1/groups/{id}", id)
                .then().statusCode(400).body("code", equalTo("validation_failed"));
    }

    @Test
    void deleteGroupWhenMembersThenGroupGoneAndMembersStay() {
        String userId = Api.createUser(admin, unique("stay"), Api.PASSWORD);
        String id = Api.createGroup(admin, unique("gone"));
        Api.addMembers(admin, id, userId);

        as(admin).delete("/api/v1/groups/{id}", id).then().statusCode(204);

        as(admin).get("/api/v1/groups/{id}", id).then().statusCode(404);
        as(admin).get("/api/v1/users/{id}", userId).then().statusCode(200);
        as(admin).get("/api/v1/users/{id}/groups", userId).then().statusCode(200).body("total", equalTo(0));
        as(admin).delete("/api/v1/groups/{id}", id).then().statusCode(404).body("code", equalTo("not_found"));
        assertEquals(1, Api.audit(Map.of("action", "group.delete", "target_id", id)).size());
    }

    @Test
    void addGroupMembersWhenSomeAlreadyMembersThenIdempotent() {
        String a = Api.createUser(admin, unique("a"), Api.PASSWORD);
        String b = Api.createUser(admin, unique("b"), Api.PASSWORD);
        String id = Api.createGroup(admin, unique("team"));
        Api.addMembers(admin, id, a);

        Api.addMembers(admin, id, a, b, b);

        as(admin).get("/api/v1/groups/{id}/members", id)
                .then().statusCode(200).body("total", equalTo(2)).body("data.id", containsInAnyOrder(a, b));
        as(admin).get("/api/v1/groups/{id}", id).then().body("member_count", equalTo(2));
        assertEquals(2, Api.audit(Map.of("action", "group.member.add", "target_id", id)).size());
    }

    @Test
    void addGroupMembersWhenAUserIsUnknownThenNotFoundAndNothingAdded() {
        String a = Api.createUser(admin, unique("known"), Api.PASSWORD);
        String id = Api.createGroup(admin, unique("atomic"));
        String missing = UUID.randomUUID().toString();

        as(admin).body(Map.of("user_ids", List.of(a, missing))).post("/api/v1/groups/{id}/members", id)
                .then().statusCode(404).body("code", equalTo("not_found"))
                .body("details.user_ids", contains(missing));

        as(admin).get("/api/v1/groups/{id}/members", id).then().body("total", equalTo(0));
    }

    @Test
    void addGroupMembersWhenListEmptyOrMalformedThenValidationFailed() {
        String id = Api.createGroup(admin, unique("val"));
        as(admin).body(Map.of("user_ids", List.of())).post("/api/v1/groups/{id}/members", id)
                .then().statusCode(400).body("code", equalTo("validation_failed"));
        as(admin).body(Map.of("user_ids", List.of("not-a-uuid"))).post("/api/v1/groups/{id}/members", id)
                .then().statusCode(400).body("code", equalTo("validation_failed"));
        as(admin).body(Map.of()).post("/api/v1/groups/{id}/members", id)
                .then().statusCode(400).body("code", equalTo("validation_failed"));
    }

    @Test
    void addGroupMembersWhenGroupUnknownThenNotFound() {
        String a = Api.createUser(admin, unique("lost"), Api.PASSWORD);
        as(admin).body(Map.of("user_ids", List.of(a))).post("/api/v1/groups/{id}/members", UUID.randomUUID())
                .then().statusCode(404).body("code", equalTo("not_found"));
    }

    @Test
    void listGroupMembersWhenSearchedAndPagedThenFiltered() {
        String tag = "ms" + UUID.randomUUID().toString().substring(0, 6);
        String a = Api.createUser(admin, tag + "-alpha", Api.PASSWORD);
        String b = Api.createUser(admin, tag + "-beta", Api.PASSWORD);
        String id = Api.createGroup(admin, unique("paged"));
        Api.addMembers(admin, id, a, b);

        as(admin).queryParam("search", "alpha").get("/api/v1/groups/{id}/members", id)
                .then().statusCode(200).body("total", equalTo(1)).body("data.id", contains(a));
        as(admin).queryParam("limit", 1).queryParam("page", 3).get("/api/v1/groups/{id}/members", id)
                .then().statusCode(200).body("total", equalTo(2)).body("data", empty());
        as(admin).queryParam("limit", 101).get("/api/v1/groups/{id}/members", id)
                .then().statusCode(400).body("code", equalTo("validation_failed"));
        as(admin).get("/api/v1/groups/{id}/members", UUID.randomUUID())
                .then().statusCode(404).body("code", equalTo("not_found"));
    }

    @Test
    void removeGroupMemberWhenMemberThenRemovedAndAudited() {
        String a = Api.createUser(admin, unique("rm"), Api.PASSWORD);
        String id = Api.createGroup(admin, unique("rmgroup"));
        Api.addMembers(admin, id, a);

        as(admin).delete("/api/v1/groups/{id}/members/{user}", id, a).then().statusCode(204);

        as(admin).get("/api/v1/groups/{id}/members", id).then().body("total", equalTo(0));
        as(admin).delete("/api/v1/groups/{id}/members/{user}", id, a)
                .then().statusCode(404).body("code", equalTo("not_found"));
        as(admin).delete("/api/v1/groups/{id}/members/{user}", UUID.randomUUID(), a)
                .then().statusCode(404).body("code", equalTo("not_found"));
        assertEquals(1, Api.audit(Map.of("action", "group.member.remove", "target_id", id)).size());
    }
}
