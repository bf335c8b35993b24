package dev.justiam.server.keys;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import dev.justiam.server.testing.Api;
import org.junit.jupiter.api.Test;

class SigningKeysApiTest {

    @Test
    void rotateWhenNextKeyPublishedThenItBecomesActiveAndOldKeyStaysPublished() {
        String admin = Api.adminToken();
        List<Map<String, Object>> before = Api.as(admin).get("/api/v1/settings/keys").then().statusCode(200)
                .extract().path("data");
        String next = kid(before, "next");
        String active = kid(before, "active");

        List<Map<String, Object>> after = Api.as(admin).post("/api/v1/settings/keys/rotate").then().statusCode(200)
                .extract().path("data");
        assertEquals(next, kid(after, "active"));
        assertTrue(after.stream().anyMatch(k -> k.get("kid").equals(active) && k.get("status").equals("retired")
                && k.get("retire_after") != null));
        assertTrue(after.stream().anyMatch(k -> k.get("status").equals("next") && !k.get("kid").equals(next)));

        // Tokens signed before the rotation still work; new sign-ins are signed with the new key.
        Api.as(admin).get("/api/v1/me").then().statusCode(200);
        String fresh = Api.adminToken();
        Api.as(fresh).get("/api/v1/me").then().statusCode(200).body("username", equalTo("admin"));
        Api.as(admin).queryParam("action", "signing_keys.rotate").get("/api/v1/audit-logs").then()
                .body("data[0].id", notNullValue());
    }

    @Test
    void listWhenNotAdministratorThenForbidden() {
        String admin = Api.adminToken();
        String user = Api.unique("nokeys");
        Api.createUser(admin, user, "nokeys-password");
        Api.as(Api.login(user, "nokeys-password")).get("/api/v1/settings/keys").then().statusCode(403)
                .body("details.permission", equalTo("*"));
    }

    private static String kid(List<Map<String, Object>> keys, String status) {
        return keys.stream().filter(k -> k.get("status").equals(status)).map(k -> (String) k.get("kid"))
                .findFirst().orElseThrow();
    }
}
