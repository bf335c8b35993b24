package dev.justiam.server.auth;

import static dev.justiam.server.testing.Api.unique;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import dev.justiam.server.testing.Api;
import dev.justiam.server.testing.Api.TestUser;
import dev.justiam.server.testing.Roles;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every operation needs the permission the contract names; roles come from users or their groups. */
class PermissionsApiTest {

    private static TestUser plain;

    @BeforeAll
    static void createPlainUser() {
        plain = Api.signedInUser("plain");
    }

    @ParameterizedTest(name = "{0} {1} needs {2}")
    @CsvSource({
        "GET, /api/v1/users, users.read",
        "POST, /api/v1/users, users.create",
        "GET, /api/v1/users/00000000-0000-0000-0000-000000000001, users.read",
        "PATCH, /api/v1/users/00000000-0000-0000-0000-000000000001, users.update",
        "DELETE, /api/v1/users/00000000-0000-0000-0000-000000000001, users.delete",
        "POST, /api/v1/users/00000000-0000-0000-0000-000000000001/password, users.update",
        "POST, /api/v1/users/00000000-0000-0000-0000-000000000001/disable, users.update",
        "POST, /api/v1/users/00000000-0000-0000-0000-000000000001/enable, users.update",
        "POST, /api/v1/users/00000000-0000-0000-0000-000000000001/unlock, users.update",
        "GET, /api/v1/users/00000000-0000-0000-0000-000000000001/groups, users.read",
        "GET, /api/v1/groups, groups.read",
        "POST, /api/v1/groups, groups.create",
        "GET, /api/v1/groups/00000000-0000-0000-0000-000000000001, groups.read",
        "PATCH, /api/v1/groups/00000000-0000-0000-0000-000000000001, groups.update",
        "DELETE, /api/v1/groups/00000000-0000-0000-0000-000000000001, groups.delete",
        "GET, /api/v1/groups/00000000-0000-0000-0000-000000000001/members, groups.read",
        "POST, /api/v1/groups/00000000-0000-0000-0000-000000000001/members, groups.update",
        "DELETE, /api/v1/groups/00000000-0000-0000-0000-000000000001/members/00000000-0000-0000-0000-000000000002,"
                + " groups.update",
        "GET, /api/v1/audit-logs, audit.view",
        "GET, /api/v1/audit-logs/00000000-0000-0000-0000-000000000001, audit.view"})
    void operationWhenPlainUserThenForbiddenNamingPermission(String method, String path, String permission) {
        plain.request().body("{}").request(method, path)
                .then().statusCode(403)
                .body("code", equalTo("forbidden"))
                .body("message", equalTo("Missing permission: " + permission))
                .body("details.permission", equalTo(permission));
    }

    @Test
    void usersWildcardWhenGrantedThenEveryUsersOperationButNoGroups() {
        TestUser manager = Api.signedInUser("usermgr");
        Roles.grantUser(manager.id(), "users.*");

        manager.request().get("/api/v1/users").then().statusCode(200);
        String id = manager.request().body(Map.of("username", unique("made")))
                .post("/api/v1/users").then().statusCode(201).extract().path("id");
        manager.request().post("/api/v1/users/{id}/disable", id).then().statusCode(200);
        manager.request().delete("/api/v1/users/{id}", id).then().statusCode(204);
        manager.request().get("/api/v1/groups").then().statusCode(403)
                .body("details.permission", equalTo("groups.read"));
        manager.request().get("/api/v1/audit-logs").then().statusCode(403)
                .body("details.permission", equalTo("audit.view"));
    }

    @Test
    void exactPermissionWhenGrantedThenOnlyThatOperation() {
        TestUser reader = Api.signedInUser("reader");
        Roles.grantUser(reader.id(), "users.read");

        reader.request().get("/api/v1/users").then().statusCode(200);
        reader.request().get("/api/v1/users/{id}", reader.id()).then().statusCode(200);
        reader.request().body(Map.of("username", unique("nope"))).post("/api/v1/users")
                .then().statusCode(403).body("details.permission", equalTo("users.create"));
        reader.request().post("/api/v1/users/{id}/disable", reader.id())
                .then().statusCode(403).body("details.permission", equalTo("users.update"));
    }

    @Test
    void prefixWithoutWildcardWhenGrantedThenNothingMore() {
        TestUser odd = Api.signedInUser("prefix");
        Roles.grantUser(odd.id(), "users", "users.re", "groups.*.read");

        odd.request().get("/api/v1/users").then().statusCode(403);
        odd.request().get("/api/v1/groups").then().statusCode(403);
    }

    @Test
    void groupRoleWhenUserJoinsAndLeavesThenPermissionFollowsAtOnce() {
        String admin = Api.adminToken();
        TestUser member = Api.signedInUser("viagroup");
        String groupId = Api.createGroup(admin, unique("auditors"));
        Roles.grant("group", groupId, "audit.view");
        member.request().get("/api/v1/audit-logs").then().statusCode(403);

        Api.addMembers(admin, groupId, member.id());
        member.request().get("/api/v1/audit-logs").then().statusCode(200);

        Api.as(admin).delete("/api/v1/groups/{id}/members/{user}", groupId, member.id()).then().statusCode(204);
        member.request().get("/api/v1/audit-logs").then().statusCode(403);
    }

    @Test
    void forbiddenWhenDeniedThenNothingChanged() {
        TestUser plain = Api.signedInUser("denied");
        String name = unique("notcreated");
        plain.request().body(Map.of("username", name)).post("/api/v1/users").then().statusCode(403);
        Api.as(Api.adminToken()).queryParam("search", name).get("/api/v1/users")
                .then().body("total", equalTo(0));
    }
}
