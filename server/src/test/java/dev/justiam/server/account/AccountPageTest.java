package dev.justiam.server.account;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import dev.justiam.server.testing.Api;
import dev.justiam.server.testing.Browser;
import dev.justiam.server.testing.TestServer;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

/** The account page signs in through the server's own authorization endpoint and holds a portal JWT. */
class AccountPageTest {

    private static String path(String location) {
        return location.substring(TestServer.baseUrl().length());
    }

    @Test
    void accountWhenSignedInThroughOwnOidcFlowThenPageAndPortalTokenWorkUntilSignOut() {
        String username = Api.unique("acct");
        Api.createUser(Api.adminToken(), username, "account-password-1");
        Browser b = new Browser();

        Response start = b.get("/account");
        start.then().statusCode(303);
        assertThat(start.getHeader("Location"), startsWith(TestServer.baseUrl() + "/oauth2/authorize?"));
        assertThat(start.getHeader("Location"), containsString("code_challenge_method=S256"));

        Response toLogin = b.get(path(start.getHeader("Location")));
        toLogin.then().statusCode(303);
        String form = b.get(path(toLogin.getHeader("Location"))).asString();
        Response posted = b.keep(b.request().formParam("csrf_token", Browser.csrfOf(form))
                .formParam("username", username).formParam("password", "account-password-1")
                .formParam("return_to", Browser.query(toLogin.getHeader("Location")).get("return_to"))
                .post("/login"));
        Response code = b.get(path(posted.getHeader("Location")));
        code.then().statusCode(302);
        assertThat(code.getHeader("Location"), startsWith(TestServer.baseUrl() + "/account/callback?code="));
        b.get(path(code.getHeader("Location"))).then().statusCode(303);

        String html = b.get("/account").then().statusCode(200).extract().asString();
        assertThat(html, containsString(username));

        // The page's cookie is a portal JWT: it works on the management API like one from /auth/login.
        String portalToken = b.cookie(AccountResource.TOKEN_COOKIE);
        Api.as(portalToken).get("/api/v1/me").then().statusCode(200).body("username", equalTo(username));

        b.keep(b.request().formParam("csrf_token", Browser.csrfOf(html)).post("/account/logout"))
                .then().statusCode(200).body(containsString("You are signed out"));
        Api.as(portalToken).get("/api/v1/me").then().statusCode(401);
        b.get("/account").then().statusCode(303);
    }
}
