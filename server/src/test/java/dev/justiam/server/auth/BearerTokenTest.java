package dev.justiam.server.auth;

import static dev.justiam.server.testing.Api.anonymous;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import dev.justiam.server.JustIam;
import dev.justiam.server.testing.Api;
import dev.justiam.server.testing.Api.TestUser;
import dev.justiam.server.testing.TestServer;
import io.restassured.RestAssured;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which bearer tokens are refused, also by a second node sharing the database. */
class BearerTokenTest {

    private static JustIam secondNode;

    @BeforeAll
    static void startSecondNode() {
        secondNode = TestServer.startNode(Map.of());
    }

    @AfterAll
    static void stopSecondNode() {
        secondNode.close();
    }

    private static io.restassured.specification.RequestSpecification onSecondNode(String token) {
        return RestAssured.given().baseUri("http://localhost:" + secondNode.port())
                .header("Authorization", "Bearer " + token);
    }

    @Test
    void meWhenNoAuthorizationHeaderThenUnauthenticated() {
        anonymous().get("/api/v1/me").then().statusCode(401).body("code", equalTo("unauthenticated"))
                .body("message", equalTo("A valid bearer token is required."));
    }

    @ParameterizedTest(name = "Authorization: {0}")
    @ValueSource(strings = {"Bearer", "Bearer ", "Basic YWRtaW46eA==", "Bearer abc", "Bearer a.b.c",
        "Bearer eyJhbGciOiJub25lIn0.e30.", "Token xyz"})
    void meWhenAuthorizationMalformedThenUnauthenticated(String header) {
        anonymous().header("Authorization", header).get("/api/v1/me")
                .then().statusCode(401).body("code", equalTo("unauthenticated"));
    }

    @Test
    void meWhenSignatureTamperedThenUnauthenticated() {
        TestUser user = Api.signedInUser("tamper");
        String[] parts = user.token().split("\\.");
        char last = parts[2].charAt(10);
        String badSignature = parts[2].substring(0, 10) + (last == 'A' ? 'B' : 'A') + parts[2].substring(11);

        Api.as(parts[0] + "." + parts[1] + "." + badSignature).get("/api/v1/me")
                .then().statusCode(401).body("code", equalTo("unauthenticated"));
    }

    @Test
    void meWhenPayloadSwappedForAnotherUserThenUnauthenticated() {
        TestUser user = Api.signedInUser("swap");
        String[] parts = user.token().split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String forged = payload.replace(user.id(), java.util.UUID.randomUUID().toString());
        String encoded = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(forged.getBytes(StandardCharsets.UTF_8));

        Api.as(parts[0] + "." + encoded + "." + parts[2]).get("/api/v1/me")
                .then().statusCode(401).body("code", equalTo("unauthenticated"));
    }

    @Test
    void meWhenUnsignedAlgNoneTokenThenUnauthenticated() {
        TestUser user = Api.signedInUser("none");
        String payload = user.token().split("\\.")[1];
        String header = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"none\",\"typ\":\"portal+jwt\"}".getBytes(StandardCharsets.UTF_8));

        Api.as(header + "." + payload + ".").get("/api/v1/me")
                .then().statusCode(401).body("code", equalTo("unauthenticated"));
    }

    @Test
    void meWhenTokenExpiredThenUnauthenticated() throws InterruptedException {
        try (JustIam shortLived = TestServer.startNode(Map.of("JUSTIAM_TOKEN_LIFETIME_SECONDS", "3"))) {
            TestUser user = Api.signedInUser("expire");
            String token = RestAssured.given().baseUri("http://localhost:" + shortLived.port())
                    .contentType("application/json")
                    .body(Map.of("login", user.username(), "password", user.password()))
                    .post("/api/v1/auth/login").then().statusCode(200).body("expires_in", equalTo(3))
                    .extract().path("token");
            Api.as(token).get("/api/v1/me").then().statusCode(200);

            Thread.sleep(4_000);

            Api.as(token).get("/api/v1/me").then().statusCode(401).body("code", equalTo("unauthenticated"));
        }
    }

    @Test
    void secondNodeWhenTokenFromFirstNodeThenAccepted() {
        TestUser user = Api.signedInUser("cross");
        onSecondNode(user.token()).get("/api/v1/me").then().statusCode(200).body("id", equalTo(user.id()));
    }

    @Test
    void secondNodeWhenLoggedOutOnFirstNodeThenRefusedAtOnce() {
        TestUser user = Api.signedInUser("xlogout");
        onSecondNode(user.token()).get("/api/v1/me").then().statusCode(200);

        user.request().post("/api/v1/auth/logout").then().statusCode(204);

        onSecondNode(user.token()).get("/api/v1/me").then().statusCode(401).body("code", equalTo("unauthenticated"));
    }

    @Test
    void secondNodeWhenUserDisabledOrDeletedOnFirstNodeThenRefusedAtOnce() {
        TestUser disabled = Api.signedInUser("xdisable");
        TestUser deleted = Api.signedInUser("xdelete");
        onSecondNode(disabled.token()).get("/api/v1/me").then().statusCode(200);
        onSecondNode(deleted.token()).get("/api/v1/me").then().statusCode(200);

        String admin = Api.adminToken();
        Api.as(admin).post("/api/v1/users/{id}/disable", disabled.id()).then().statusCode(200);
        Api.as(admin).delete("/api/v1/users/{id}", deleted.id()).then().statusCode(204);

        onSecondNode(disabled.token()).get("/api/v1/me").then().statusCode(401);
        onSecondNode(deleted.token()).get("/api/v1/me").then().statusCode(401);
    }
}
