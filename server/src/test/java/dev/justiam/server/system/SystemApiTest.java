package dev.justiam.server.system;

import static dev.justiam.server.testing.Api.anonymous;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;

class SystemApiTest {

    @Test
    void healthzWhenDatabaseUpThenOkWithoutToken() {
        anonymous().get("/healthz").then().statusCode(200).body("status", equalTo("ok"));
    }

    @Test
    void versionWhenRequestedThenVersionWithoutToken() {
        anonymous().get("/api/v1/version").then().statusCode(200).body("version", notNullValue());
    }

    @Test
    void swaggerDocYamlWhenRequestedThenTheContract() {
        anonymous().get("/swagger/doc.yaml").then().statusCode(200)
                .contentType(startsWith("application/yaml"))
                .body(containsString("operationId: listUsers"))
                .body(containsString("x-justiam-permission: users.read"));
    }

    @Test
    void swaggerDocJsonWhenRequestedThenTheContractAsJson() {
        anonymous().get("/swagger/doc.json").then().statusCode(200)
                .contentType(startsWith("application/json"))
                .body("openapi", startsWith("3.0"))
                .body("paths", hasKey("/api/v1/users"))
                .body("paths.'/api/v1/users'.get.operationId", equalTo("listUsers"))
                .body("paths.'/api/v1/auth/login'.post.operationId", equalTo("login"));
    }

    @Test
    void swaggerIndexWhenRequestedThenHtmlPointingAtOurSpec() {
        anonymous().get("/swagger/index.html").then().statusCode(200).contentType(startsWith("text/html"));
        anonymous().get("/swagger/swagger-initializer.js").then().statusCode(200)
                .body(containsString("doc.yaml"));
        anonymous().get("/swagger/swagger-ui-bundle.js").then().statusCode(200);
        anonymous().get("/swagger/nothing-here.js").then().statusCode(404).body("code", equalTo("not_found"));
    }
}
