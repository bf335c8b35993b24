package dev.justiam.server.http;

import static dev.justiam.server.testing.Api.adminToken;
import static dev.justiam.server.testing.Api.anonymous;
import static dev.justiam.server.testing.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import dev.justiam.server.testing.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every failure, including routing and parsing ones, answers with the JSON error envelope. */
class ErrorEnvelopeTest {

    private static String admin;

    @BeforeAll
    static void signIn() {
        admin = adminToken();
    }

    @ParameterizedTest(name = "GET {0}")
    @ValueSource(strings = {"/api/v1/nope", "/nope", "/api/v2/users", "/oauth2/unknown", "/api/v1/users/x/y/z"})
    void unknownRouteWhenRequestedThenNotFoundEnvelope(String path) {
        as(admin).get(path).then().statusCode(404)
                .contentType(startsWith("application/json"))
                .body("code", equalTo("not_found")).body("message", notNullValue());
    }

    @Test
    void wrongMethodWhenRequestedThenMethodNotAllowedEnvelopeWithAllow() {
        as(admin).body("{}").put("/api/v1/users").then().statusCode(405)
                .header("Allow", containsString("GET"))
                .body("code", equalTo("method_not_allowed"));
        anonymous().delete("/healthz").then().statusCode(405).body("code", equalTo("method_not_allowed"));
    }

    @Test
    void wrongContentTypeWhenPostingThenUnsupportedMediaTypeEnvelope() {
        as(admin).contentType("application/xml").body("<user/>").post("/api/v1/users")
                .then().statusCode(415).body("code", equalTo("unsupported_media_type"));
        as(admin).contentType("application/x-www-form-urlencoded").body("username=x").post("/api/v1/groups")
                .then().statusCode(415).body("code", equalTo("unsupported_media_type"));
    }

    @Test
    void unacceptableAcceptWhenRequestedThenNotAcceptableEnvelope() {
        as(admin).accept("text/xml").get("/api/v1/users").then().statusCode(406)
                .body(containsString("not_acceptable"));
    }

    @ParameterizedTest(name = "body {0}")
    @ValueSource(strings = {"{", "{\"username\": }", "not json", "{\"username\":\"a\"} trailing", "{\"a\":1,}"})
    void malformedJsonWhenPostedThenMalformedJsonEnvelope(String body) {
        as(admin).body(body).post("/api/v1/users").then().statusCode(400)
                .body("code", equalTo("malformed_json")).body("message", notNullValue());
    }

    @Test
    void unknownFieldWhenPostedThenValidationFailedNamingIt() {
        as(admin).body("{\"username\":\"x-unknown\",\"is_admin\":true}").post("/api/v1/users")
                .then().statusCode(400).body("code", equalTo("validation_failed"))
                .body("details.fields.is_admin", equalTo("is not a known field"));
    }

    @ParameterizedTest(name = "body {0}")
    @ValueSource(strings = {"{\"username\": 5}", "{\"username\": [\"a\"]}", "{\"username\":\"w\",\"email_verified\":\"yes\"}",
        "{\"username\":\"w\",\"email_verified\":1}"})
    void wrongTypeWhenPostedThenValidationFailed(String body) {
        as(admin).body(body).post("/api/v1/users").then().statusCode(400)
                .body("code", equalTo("validation_failed")).body("details", hasKey("fields"));
    }

    @ParameterizedTest(name = "body {0}")
    @ValueSource(strings = {"null", "[]", "\"text\"", "42"})
    void nonObjectBodyWhenPostedThenBadRequestEnvelope(String body) {
        as(admin).body(body).post("/api/v1/groups").then().statusCode(400)
                .body("code", org.hamcrest.Matchers.oneOf("validation_failed", "malformed_json"));
    }

    @Test
    void emptyPathSegmentWhenRequestedThenJsonEnvelopeNotHtml() throws IOException {
        String response = raw("GET /api/v1/groups//members HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        org.junit.jupiter.api.Assertions.assertTrue(response.startsWith("HTTP/1.1 400"), response);
        org.junit.jupiter.api.Assertions.assertTrue(response.contains("application/json"), response);
        org.junit.jupiter.api.Assertions.assertTrue(response.contains("\"code\":\"bad_request\""), response);
    }

    private static String raw(String request) throws IOException {
        try (Socket socket = new Socket("localhost", TestServer.shared().port())) {
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
