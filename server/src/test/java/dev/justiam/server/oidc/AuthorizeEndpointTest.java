package dev.justiam.server.oidc;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.UUID;

import dev.justiam.server.mappings.AppMappingMapper;
import dev.justiam.server.mappings.AppMappingRow;
import dev.justiam.server.testing.Api;
import dev.justiam.server.testing.Browser;
import dev.justiam.server.testing.OidcClients;
import dev.justiam.server.testing.TestServer;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The authorization endpoint: what shows an error page, what redirects with which error, and the happy paths. */
class AuthorizeEndpointTest {

    static final String PASSWORD = "correct-horse-battery";
    static String username;
    static String userId;

    @BeforeAll
    static void user() {
        username = Api.unique("oidc");
        userId = Api.createUser(Api.adminToken(), username, PASSWORD);
    }

    static Browser signedIn() {
        Browser b = new Browser();
        b.signIn(username, PASSWORD).then().statusCode(303);
        return b;
    }

    @ParameterizedTest(name = "fails without redirect because the redirect URI {0} is not registered")
    @ValueSource(strings = {
        "http://127.0.0.1:9999/callback/",
        "http://127.0.0.1:9999/CALLBACK",
        "http://LOCALHOST.example:9999/callback",
        "http://127.0.0.1:9999/callback?extra=1",
        "http://127.0.0.1:9999/callback#fragment",
        "http://127.0.0.1:9998/callback",
        "http://user@127.0.0.1:9999/callback",
        "https://127.0.0.1:9999/callback",
        "http://127.0.0.1:9999/callback/../callback"})
    void authorizeWhenRedirectUriNotExactThenErrorPageWithoutRedirect(String redirectUri) {
        OidcClients.Client client = OidcClients.confidential().create();
        Map<String, String> p = OidcFlows.params(client);
        p.put("redirect_uri", redirectUri);
        Response r = OidcFlows.authorize(signedIn(), p);
        r.then().statusCode(400).contentType(containsString("text/html"))
                .body(containsString("not registered"));
        assertNull(r.getHeader("Location"));
    }

    @Test
    void authorizeWhenClientUnknownOrMissingThenErrorPageWithoutRedirect() {
        OidcClients.Client client = OidcClients.confidential().create();
        Map<String, String> p = OidcFlows.params(client);
        p.put("client_id", "no-such-client");
        Response r = OidcFlows.authorize(new Browser(), p);
        r.then().statusCode(400).contentType(containsString("text/html"));
        assertNull(r.getHeader("Location"));

        p.remove("client_id");
        OidcFlows.authorize(new Browser(), p).then().statusCode(400);
        Map<String, String> noRedirect = OidcFlows.params(client);
        noRedirect.remove("redirect_uri");
        OidcFlows.authorize(new Browser(), noRedirect).then().statusCode(400);
    }

    @ParameterizedTest(name = "{0}={1} -> {2}")
    @CsvSource(nullValues = "NULL", value = {
        "response_type, NULL, invalid_request",
        "response_type, token, unsupported_response_type",
        "response_type, 'code id_token', unsupported_response_type",
        "scope, NULL, invalid_scope",
        "scope, 'openid admin:everything', invalid_scope",
        "code_challenge_method, plain, invalid_request",
        "code_challenge_method, NULL, invalid_request",
        "code_challenge, NULL, invalid_request",
        "code_challenge, tooshort, invalid_request",
        "prompt, 'none login', invalid_request",
        "prompt, sideways, invalid_request",
        "max_age, -1, invalid_request",
        "max_age, soon, invalid_request",
        "response_mode, fragment, invalid_request",
        "request, eyJhbGciOiJub25lIn0.e30., request_not_supported",
        "request_uri, https://rp.example/req, request_uri_not_supported"})
    void authorizeWhenParameterInvalidThenRedirectWithErrorStateAndIss(String name, String value, String error) {
        OidcClients.Client client = OidcClients.confidential().create();
        Map<String, String> p = OidcFlows.params(client);
        p.put(name, value);
        Response r = OidcFlows.authorize(signedIn(), p);
        r.then().statusCode(302);
        assertThat(r.getHeader("Location"), startsWith(client.redirectUri() + "?"));
        Map<String, String> q = Browser.query(r.getHeader("Location"));
        assertEquals(error, q.get("error"));
        assertNotNull(q.get("error_description"));
        assertEquals("st-123", q.get("state"));
        assertEquals(TestServer.baseUrl(), q.get("iss"));
        assertNull(q.get("code"));
    }

    @Test
    void authorizeWhenPublicClientWithoutPkceThenInvalidRequestEvenIfAppDoesNotRequireIt() {
        OidcClients.Client client = OidcClients.publicClient().pkceRequired(false).create();
        Map<String, String> p = OidcFlows.params(client);
        p.remove("code_challenge");
        p.remove("code_challenge_method");
        Map<String, String> q = Browser.query(OidcFlows.authorize(signedIn(), p).getHeader("Location"));
        assertEquals("invalid_request", q.get("error"));
    }

    @Test
    void authorizeWhenClientMayNotUseCodeGrantThenUnauthorizedClient() {
        OidcClients.Client client = OidcClients.confidential().grantTypes("client_credentials").create();
        Map<String, String> q = Browser.query(OidcFlows.authorize(signedIn(), OidcFlows.params(client))
                .getHeader("Location"));
        assertEquals("unauthorized_client", q.get("error"));
    }

    @Test
    void authorizeWhenPromptNoneWithoutSessionThenLoginRequired() {
        OidcClients.Client client = OidcClients.confidential().create();
        Map<String, String> p = OidcFlows.params(client);
        p.put("prompt", "none");
        Response r = OidcFlows.authorize(new Browser(), p);
        r.then().statusCode(302);
        Map<String, String> q = Browser.query(r.getHeader("Location"));
        assertEquals("login_required", q.get("error"));
        assertEquals("st-123", q.get("state"));
    }

    @Test
    void authorizeWhenNoSessionThenSignInPageAndBackWithCode() {
        OidcClients.Client client = OidcClients.confidential().create();
        Browser b = new Browser();
        Response r = OidcFlows.authorize(b, OidcFlows.params(client));
        r.then().statusCode(303);
        String login = r.getHeader("Location");
        assertThat(login, startsWith(TestServer.baseUrl() + "/login?return_to=%2Foauth2%2Fauthorize"));
        String page = b.get(login.substring(TestServer.baseUrl().length())).asString();
        Response posted = b.keep(b.request().formParam("csrf_token", Browser.csrfOf(page))
                .formParam("username", username).formParam("password", PASSWORD)
                .formParam("return_to", Browser.query(login).get("return_to")).post("/login"));
        posted.then().statusCode(303);
        String back = posted.getHeader("Location");
        Response authorized = b.get(back.substring(TestServer.baseUrl().length()));
        authorized.then().statusCode(302);
        Map<String, String> q = Browser.query(authorized.getHeader("Location"));
        assertNotNull(q.get("code"));
        assertEquals("st-123", q.get("state"));
        assertEquals(TestServer.baseUrl(), q.get("iss"));
    }

    @Test
    void authorizeWhenPromptLoginThenSignInFormEvenWithSession() {
        OidcClients.Client client = OidcClients.confidential().create();
        Map<String, String> p = OidcFlows.params(client);
        p.put("prompt", "login");
        Response r = OidcFlows.authorize(signedIn(), p);
        r.then().statusCode(303);
        assertThat(r.getHeader("Location"), containsString("prompt=login"));
        assertTrue(!Browser.query(r.getHeader("Location")).get("return_to").contains("prompt"));
    }

    @Test
    void authorizeWhenPostedFormThenSameAsGet() {
        OidcClients.Client client = OidcClients.confidential().create();
        Browser b = signedIn();
        Response r = b.keep(b.request().formParams(OidcFlows.params(client)).post("/oauth2/authorize"));
        r.then().statusCode(302);
        assertNotNull(Browser.query(r.getHeader("Location")).get("code"));
    }

    @Test
    void authorizeWhenFormPostModeThenAutoSubmittingFormToRedirectUri() {
        OidcClients.Client client = OidcClients.confidential().create();
        Map<String, String> p = OidcFlows.params(client);
        p.put("response_mode", "form_post");
        OidcFlows.authorize(signedIn(), p).then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("action=\"http://127.0.0.1:9999/callback\""),
                        containsString("name=\"code\""), containsString("name=\"state\" value=\"st-123\""),
                        containsString("name=\"iss\""));
    }

    @Test
    void authorizeWhenAssignmentRequiredAndUserUnmappedThenAccessDeniedAndWhenMappedThenCode() {
        OidcClients.Client client = OidcClients.confidential().assignmentRequired(true).create();
        Browser b = signedIn();
        Map<String, String> q = Browser.query(OidcFlows.authorize(b, OidcFlows.params(client)).getHeader("Location"));
        assertEquals("access_denied", q.get("error"));

        TestServer.shared().database().runInTransaction(s -> s.getMapper(AppMappingMapper.class).insertMapping(
                new AppMappingRow(UUID.randomUUID(), OidcClients.defaultTenantId(), client.appId(), "user",
                        UUID.fromString(userId), new String[] {"editor"}, null, null)));
        assertNotNull(OidcFlows.code(b, OidcFlows.params(client)));
    }

    @Test
    void authorizeWhenConsentRequiredThenConsentPageOnceAndPromptNoneGetsConsentRequired() {
        OidcClients.Client client = OidcClients.confidential().consentRequired(true).create();
        Browser b = signedIn();
        Map<String, String> none = OidcFlows.params(client);
        none.put("prompt", "none");
        assertEquals("consent_required",
                Browser.query(OidcFlows.authorize(b, none).getHeader("Location")).get("error"));

        Response page = OidcFlows.authorize(b, OidcFlows.params(client));
        page.then().statusCode(200).body(containsString("Allow access?"));
        String csrf = Browser.csrfOf(page.asString());
        Response denied = b.keep(b.request().formParams(OidcFlows.params(client)).formParam("csrf_token", csrf)
                .formParam("decision", "deny").post("/oauth2/consent"));
        assertEquals("access_denied", Browser.query(denied.getHeader("Location")).get("error"));

        b.request().formParams(OidcFlows.params(client)).formParam("decision", "allow").post("/oauth2/consent")
                .then().statusCode(400);
        Response allowed = b.keep(b.request().formParams(OidcFlows.params(client)).formParam("csrf_token", csrf)
                .formParam("decision", "allow").post("/oauth2/consent"));
        allowed.then().statusCode(302);
        assertNotNull(Browser.query(allowed.getHeader("Location")).get("code"));

        // Remembered: no page the second time, even with prompt=none.
        assertNotNull(OidcFlows.code(b, none));

        // prompt=consent asks again; a scope not yet granted asks again.
        Map<String, String> again = OidcFlows.params(client);
        again.put("prompt", "consent");
        OidcFlows.authorize(b, again).then().statusCode(200).body(containsString("Allow access?"));
        Map<String, String> wider = OidcFlows.params(client);
        wider.put("scope", "openid groups");
        OidcFlows.authorize(b, wider).then().statusCode(200).body(containsString("See the groups you belong to"));
    }

    @Test
    void authorizeWhenMaxAgeElapsedThenSignInAgainAndThenCode() throws InterruptedException {
        OidcClients.Client client = OidcClients.confidential().create();
        Browser b = signedIn();
        Thread.sleep(1100);
        Map<String, String> p = OidcFlows.params(client);
        p.put("max_age", "0");
        Response r = OidcFlows.authorize(b, p);
        r.then().statusCode(303);
        assertThat(r.getHeader("Location"), containsString("prompt=login"));
        p.put("max_age", "3600");
        assertNotNull(OidcFlows.code(b, p));
    }

    @Test
    void authorizeWhenSecondApplicationThenSsoWithoutPassword() {
        Browser b = signedIn();
        OidcClients.Client first = OidcClients.confidential().create();
        OidcClients.Client second = OidcClients.publicClient().create();
        assertNotNull(OidcFlows.code(b, OidcFlows.params(first)));
        assertNotNull(OidcFlows.code(b, OidcFlows.params(second)));
    }
}
