package dev.justiam.server.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.justiam.server.testing.Api;
import dev.justiam.server.testing.TestServer;
import io.restassured.RestAssured;
import io.restassured.config.RedirectConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

class SignInPageTest {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf_token\" value=\"([^\"]+)\"");

    static RequestSpecification browser() {
        return RestAssured.given().baseUri(TestServer.baseUrl())
                .config(RestAssuredConfig.config().redirect(RedirectConfig.redirectConfig().followRedirects(false)));
    }

    static String csrfOf(String html) {
        Matcher m = CSRF.matcher(html);
        if (!m.find()) {
            throw new AssertionError("no CSRF token in page:\n" + html);
        }
        return m.group(1);
    }

    @Test
    void getLoginWhenNoSessionThenFormWithCsrfCookie() {
        Response page = browser().get("/login?return_to=/somewhere");
        page.then().statusCode(200).contentType(containsString("text/html"))
                .header("Cache-Control", containsString("no-store"))
                .body(containsString("name=\"viewport\""), containsString("value=\"/somewhere\""));
        assertEquals(page.getCookie(Csrf.COOKIE), csrfOf(page.asString()));
    }

    @Test
    void postLoginWhenCsrfMissingThenRejected() {
        String user = Api.unique("web");
        Api.createUser(Api.adminToken(), user, "correct-horse-1");
        Response r = browser().formParam("username", user).formParam("password", "correct-horse-1").post("/login");
        r.then().statusCode(400);
        org.junit.jupiter.api.Assertions.assertNull(r.getCookie(SsoSessions.COOKIE));
    }

    @Test
    void postLoginWhenPasswordWrongThenGenericErrorAndNoSession() {
        String user = Api.unique("web");
        Api.createUser(Api.adminToken(), user, "correct-horse-1");
        Response page = browser().get("/login");
        String csrf = csrfOf(page.asString());
        Response r = browser().cookie(Csrf.COOKIE, csrf).formParam(Csrf.FIELD, csrf).formParam("username", user)
                .formParam("password", "wrong").post("/login");
        r.then().statusCode(200).body(containsString("Invalid username or password."));
        org.junit.jupiter.api.Assertions.assertNull(r.getCookie(SsoSessions.COOKIE));
    }

    @Test
    void postLoginWhenPasswordRightThenSessionCookieAndLocalRedirectOnly() {
        String user = Api.unique("web");
        Api.createUser(Api.adminToken(), user, "correct-horse-1");
        String csrf = csrfOf(browser().get("/login").asString());
        Response signedIn = browser().cookie(Csrf.COOKIE, csrf).formParam(Csrf.FIELD, csrf)
                .formParam("username", user).formParam("password", "correct-horse-1")
                .formParam("return_to", "//evil.example/x").post("/login");
        signedIn.then().statusCode(303).header("Location", equalTo(TestServer.baseUrl() + LocalPaths.FALLBACK))
                .cookie(SsoSessions.COOKIE, notNullValue());
        String sso = signedIn.getCookie(SsoSessions.COOKIE);
        String setCookie = signedIn.getHeader("Set-Cookie");
        org.hamcrest.MatcherAssert.assertThat(setCookie, containsString("HttpOnly"));
        org.hamcrest.MatcherAssert.assertThat(setCookie.toLowerCase(), containsString("samesite=lax"));

        browser().cookie(SsoSessions.COOKIE, sso).get("/login?return_to=/next").then().statusCode(303)
                .header("Location", equalTo(TestServer.baseUrl() + "/next"));
        browser().cookie(SsoSessions.COOKIE, sso).get("/login?return_to=/next&prompt=login").then().statusCode(200)
                .body(not(containsString("Invalid")));
    }

    @Test
    void postLoginWhenTooManyFailuresThenLockoutMessageEvenWithRightPassword() {
        String user = Api.unique("web");
        Api.createUser(Api.adminToken(), user, "correct-horse-1");
        String csrf = csrfOf(browser().get("/login").asString());
        for (int i = 0; i < 5; i++) {
            browser().cookie(Csrf.COOKIE, csrf).formParam(Csrf.FIELD, csrf).formParam("username", user)
                    .formParam("password", "wrong-" + i).post("/login");
        }
        Response r = browser().cookie(Csrf.COOKIE, csrf).formParam(Csrf.FIELD, csrf).formParam("username", user)
                .formParam("password", "correct-horse-1").post("/login");
        r.then().statusCode(429).body(containsString("account is locked"));
        org.junit.jupiter.api.Assertions.assertNull(r.getCookie(SsoSessions.COOKIE));
    }

    @Test
    void getLoginWhenLoginHintThenPrefilled() {
        browser().queryParam("login_hint", "alice@example.com").get("/login").then().statusCode(200)
                .body(containsString("value=\"alice@example.com\""));
    }

    @Test
    void localPathsWhenNotAPathThenFallback() {
        for (String bad : new String[] {"https://evil.example/", "//evil.example", "/\\evil.example", "evil",
                "", null, "/a b", "javascript:alert(1)"}) {
            assertEquals(LocalPaths.FALLBACK, LocalPaths.safe(bad), String.valueOf(bad));
        }
        assertEquals("/oauth2/authorize?client_id=x", LocalPaths.safe("/oauth2/authorize?client_id=x"));
    }
}
