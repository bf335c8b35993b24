package dev.justiam.server;

import static org.hamcrest.Matchers.equalTo;

import dev.justiam.server.testing.Api;
import org.junit.jupiter.api.Test;

class SmokeTest {

    @Test
    void healthzWhenDatabaseUpThenOk() {
        Api.anonymous().get("/healthz").then().statusCode(200).body("status", equalTo("ok"));
    }

    @Test
    void meWhenAdminSignsInThenReturnsAdmin() {
        Api.as(Api.adminToken()).get("/api/v1/me").then().statusCode(200).body("username", equalTo("admin"));
    }
}
