package dev.justiam.server.oidc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.justiam.server.crypto.Secrets;
import dev.justiam.server.mappings.AppMappingMapper;
import dev.justiam.server.mappings.AppMappingRow;
import dev.justiam.server.testing.Api;
import dev.justiam.server.testing.Browser;
import dev.justiam.server.testing.OidcClients;
import dev.justiam.server.testing.TestServer;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The token, introspection, revocation, userinfo and logout endpoints, with the RFC 6749 §5.2 errors. */
class TokenEndpointTest {

    static final String PASSWORD = "correct-horse-battery";
    static String username;
    static String userId;

    @BeforeAll
    static void user() {
        username = Api.unique("tok");
        userId = Api.createUser(Api.adminToken(), username, PASSWORD);
    }

    static Browser signedIn() {
        Browser b = new Browser();
        b.signIn(username, PASSWORD).then().statusCode(303);
        return b;
    }

    static String freshCode(OidcClients.Client client) {
        return OidcFlows.code(signedIn(), OidcFlows.params(client));
    }

    static void assertOAuthError(Response r, int status, String error) {
        r.then().statusCode(status).contentType(containsString("application/json")).body("error", equalTo(error))
                .header("Cache-Control", containsString("no-store"));
    }

    @Test
    void codeWhenExchangedThenTokensWithExpectedClaimsAndNoStore() throws Exception {
        OidcClients.Client client = OidcClients.confidential().create();
        TestServer.shared().database().runInTransaction(s -> s.getMapper(AppMappingMapper.class).insertMapping(
                new AppMappingRow(UUID.randomUUID(), OidcClients.defaultTenantId(), client.appId(), "user",
                        UUID.fromString(userId), new String[] {"editor", "viewer"}, null, null)));
        Response r = OidcFlows.exchange(client, freshCode(client), OidcFlows.VERIFIER);
        r.then().statusCode(200).header("Cache-Control", containsString("no-store"))
                .body("token_type", equalTo("Bearer"), "refresh_token", notNullValue(), "id_token", notNullValue(),
                        "scope", equalTo("openid profile email"));

        SignedJWT at = SignedJWT.parse(r.path("access_token"));
        assertEquals(new JOSEObjectType("at+jwt"), at.getHeader().getType());
        JWTClaimsSet a = at.getJWTClaimsSet();
        assertEquals(userId, a.getSubject());
        assertEquals(client.clientId(), a.getStringClaim("client_id"));
        assertEquals(List.of(client.clientId()), a.getAudience());
        assertEquals(List.of("editor", "viewer"), a.getStringListClaim("roles"));
        assertEquals(TestServer.baseUrl(), a.getIssuer());

        JWTClaimsSet id = SignedJWT.parse(r.path("id_token")).getJWTClaimsSet();
        assertEquals("n-456", id.getStringClaim("nonce"));
        assertEquals(username, id.getStringClaim("preferred_username"));
        assertEquals(username + "@example.com", id.getStringClaim("email"));
        assertEquals(List.of("pwd"), id.getStringListClaim("amr"));
        assertEquals(List.of(client.clientId()), id.getAudience());
        org.junit.jupiter.api.Assertions.assertNotNull(id.getStringClaim("sid"));
        org.junit.jupiter.api.Assertions.assertNotNull(id.getClaim("auth_time"));
        org.junit.jupiter.api.Assertions.assertNotNull(id.getStringClaim("at_hash"));
    }

    @Test
    void codeWhenReusedThenInvalidGrantAndTokensOfFirstExchangeRevoked() {
        OidcClients.Client client = OidcClients.confidential().create();
        String code = freshCode(client);
        JsonPath first = OidcFlows.exchange(client, code, OidcFlows.VERIFIER).then().statusCode(200).extract()
                .jsonPath();
        OidcFlows.introspect(client, first.getString("access_token")).then().body("active", equalTo(true));

        assertOAuthError(OidcFlows.exchange(client, code, OidcFlows.VERIFIER), 400, "invalid_grant");

        OidcFlows.introspect(client, first.getString("access_token")).then().body("active", equalTo(false));
        OidcFlows.introspect(client, first.getString("refresh_token")).then().body("active", equalTo(false));
        assertOAuthError(refresh(client, first.getString("refresh_token")), 400, "invalid_grant");
        assertEquals(1, Api.audit(Map.of("action", "oauth.code_replayed", "target_id", client.appId().toString()))
                .size());
    }

    @Test
    void codeWhenVerifierWrongOrMissingThenInvalidGrant() {
        OidcClients.Client client = OidcClients.confidential().create();
        String code = freshCode(client);
        assertOAuthError(OidcFlows.exchange(client, code, "x".repeat(43)), 400, "invalid_grant");
        assertOAuthError(OidcFlows.exchange(client, code, null), 400, "invalid_grant");
        // A failed verifier does not burn the code for the real client.
        OidcFlows.exchange(client, code, OidcFlows.VERIFIER).then().statusCode(200);
    }

    @Test
    void codeWhenVerifierSentButNoChallengeThenInvalidGrant() {
        OidcClients.Client client = OidcClients.confidential().pkceRequired(false).create();
        Map<String, String> p = OidcFlows.params(client);
        p.remove("code_challenge");
        p.remove("code_challenge_method");
        String code = OidcFlows.code(signedIn(), p);
        assertOAuthError(OidcFlows.exchange(client, code, OidcFlows.VERIFIER), 400, "invalid_grant");
        OidcFlows.exchange(client, code, null).then().statusCode(200);
    }

    @Test
    void codeWhenPresentedByAnotherClientThenInvalidGrant() {
        OidcClients.Client owner = OidcClients.confidential().create();
        OidcClients.Client thief = OidcClients.confidential().create();
        String code = freshCode(owner);
        Response r = OidcFlows.tokenRequest(thief).formParam("grant_type", "authorization_code")
                .formParam("code", code).formParam("redirect_uri", owner.redirectUri())
                .formParam("code_verifier", OidcFlows.VERIFIER).post("/oauth2/token");
        assertOAuthError(r, 400, "invalid_grant");
    }

    @Test
    void codeWhenExpiredThenInvalidGrant() throws Exception {
        OidcClients.Client client = OidcClients.confidential().create();
        String code = freshCode(client);
        try (Connection c = TestServer.shared().database().dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "UPDATE oauth_codes SET expires_at = now() - interval '1 second' WHERE code_hash = ?")) {
            ps.setString(1, Secrets.sha256Hex(code));
            assertEquals(1, ps.executeUpdate());
            c.commit();
        }
        assertOAuthError(OidcFlows.exchange(client, code, OidcFlows.VERIFIER), 400, "invalid_grant");
    }

    @Test
    void codeWhenRedirectUriDiffersOrUnknownCodeThenInvalidGrant() {
        OidcClients.Client client = OidcClients.confidential()
                .redirectUris("http://127.0.0.1:9999/callback", "http://127.0.0.1:9999/other").create();
        String code = freshCode(client);
        Response r = OidcFlows.tokenRequest(client).formParam("grant_type", "authorization_code")
                .formParam("code", code).formParam("redirect_uri", "http://127.0.0.1:9999/other")
                .formParam("code_verifier", OidcFlows.VERIFIER).post("/oauth2/token");
        assertOAuthError(r, 400, "invalid_grant");
        assertOAuthError(OidcFlows.exchange(client, "not-a-code", OidcFlows.VERIFIER), 400, "invalid_grant");
    }

    @Test
    void refreshWhenRotatedTokenReusedThenFamilyRevoked() {
        OidcClients.Client client = OidcClients.confidential().create();
        JsonPath first = OidcFlows.exchange(client, freshCode(client), OidcFlows.VERIFIER).then().statusCode(200)
                .extract().jsonPath();
        JsonPath second = refresh(client, first.getString("refresh_token")).then().statusCode(200)
                .header("Cache-Control", containsString("no-store")).body("id_token", notNullValue())
                .extract().jsonPath();
        assertNotEquals(first.getString("refresh_token"), second.getString("refresh_token"));

        assertOAuthError(refresh(client, first.getString("refresh_token")), 400, "invalid_grant");

        assertOAuthError(refresh(client, second.getString("refresh_token")), 400, "invalid_grant");
        OidcFlows.introspect(client, second.getString("access_token")).then().body("active", equalTo(false));
    }

    @Test
    void refreshWhenUserNoLongerAssignedThenInvalidGrant() {
        OidcClients.Client client = OidcClients.confidential().assignmentRequired(true).create();
        UUID mapping = UUID.randomUUID();
        TestServer.shared().database().runInTransaction(s -> s.getMapper(AppMappingMapper.class).insertMapping(
                new AppMappingRow(mapping, OidcClients.defaultTenantId(), client.appId(), "user",
                        UUID.fromString(userId), new String[0], null, null)));
        String rt = OidcFlows.exchange(client, freshCode(client), OidcFlows.VERIFIER).path("refresh_token");
        TestServer.shared().database().runInTransaction(s -> s.getMapper(AppMappingMapper.class)
                .deleteMapping(OidcClients.defaultTenantId(), mapping));
        assertOAuthError(refresh(client, rt), 400, "invalid_grant");
    }

    @Test
    void refreshWhenScopeWidenedThenInvalidScopeAndNarrowedThenOk() {
        OidcClients.Client client = OidcClients.confidential().create();
        String rt = OidcFlows.exchange(client, freshCode(client), OidcFlows.VERIFIER).path("refresh_token");
        assertOAuthError(OidcFlows.tokenRequest(client).formParam("grant_type", "refresh_token")
                .formParam("refresh_token", rt).formParam("scope", "openid groups").post("/oauth2/token"),
                400, "invalid_scope");
        OidcFlows.tokenRequest(client).formParam("grant_type", "refresh_token").formParam("refresh_token", rt)
                .formParam("scope", "openid").post("/oauth2/token").then().statusCode(200)
                .body("scope", equalTo("openid"));
    }

    @Test
    void tokenWhenClientSecretWrongThen401InvalidClientWithChallenge() {
        OidcClients.Client client = OidcClients.confidential().create();
        Response r = RestAssured.given().baseUri(TestServer.baseUrl()).auth().preemptive()
                .basic(client.clientId(), "wrong-secret").formParam("grant_type", "client_credentials")
                .post("/oauth2/token");
        assertOAuthError(r, 401, "invalid_client");
        r.then().header("WWW-Authenticate", containsString("Basic"));

        Response post = RestAssured.given().baseUri(TestServer.baseUrl()).formParam("grant_type", "refresh_token")
                .formParam("refresh_token", "x").formParam("client_id", client.clientId())
                .formParam("client_secret", "wrong").post("/oauth2/token");
        assertOAuthError(post, 401, "invalid_client");

        Response none = RestAssured.given().baseUri(TestServer.baseUrl()).formParam("grant_type", "refresh_token")
                .formParam("refresh_token", "x").formParam("client_id", client.clientId()).post("/oauth2/token");
        assertOAuthError(none, 401, "invalid_client");

        Response unknown = RestAssured.given().baseUri(TestServer.baseUrl()).auth().preemptive()
                .basic("no-such-client", "x").formParam("grant_type", "client_credentials").post("/oauth2/token");
        assertOAuthError(unknown, 401, "invalid_client");
    }

    @Test
    void tokenWhenRequestMalformedThenRfc6749Errors() {
        OidcClients.Client client = OidcClients.confidential().create();
        assertOAuthError(OidcFlows.tokenRequest(client).post("/oauth2/token"), 400, "invalid_request");
        assertOAuthError(RestAssured.given().baseUri(TestServer.baseUrl()).contentType("application/json")
                .body("{\"grant_type\":\"client_credentials\"}").post("/oauth2/token"), 400, "invalid_request");
        assertOAuthError(OidcFlows.tokenRequest(client).formParam("grant_type", "password")
                .formParam("username", "a").formParam("password", "b").post("/oauth2/token"),
                400, "unsupported_grant_type");
        assertOAuthError(OidcFlows.tokenRequest(client).formParam("grant_type", "client_credentials")
                .post("/oauth2/token"), 400, "unauthorized_client");
        assertOAuthError(OidcFlows.tokenRequest(client).formParam("grant_type", "authorization_code")
                .formParam("redirect_uri", client.redirectUri()).post("/oauth2/token"), 400, "invalid_request");
        assertOAuthError(OidcFlows.tokenRequest(client).formParam("grant_type", "authorization_code")
                .formParam("code", "a").formParam("code", "b").formParam("redirect_uri", client.redirectUri())
                .post("/oauth2/token"), 400, "invalid_request");
        assertOAuthError(OidcFlows.tokenRequest(client).formParam("grant_type", "refresh_token")
                .post("/oauth2/token"), 400, "invalid_request");
        // Two authentication methods at once.
        assertOAuthError(OidcFlows.tokenRequest(client).formParam("grant_type", "refresh_token")
                .formParam("refresh_token", "x").formParam("client_id", client.clientId())
                .formParam("client_secret", client.secret()).post("/oauth2/token"), 400, "invalid_request");
    }

    @Test
    void clientCredentialsWhenAllowedThenTokenForTheClientAndUnknownScopeRefused() throws Exception {
        OidcClients.Client client = OidcClients.confidential().grantTypes("client_credentials")
                .scopes("reports.read", "reports.write").create();
        Response r = OidcFlows.tokenRequest(client).formParam("grant_type", "client_credentials")
                .formParam("scope", "reports.read").post("/oauth2/token");
        r.then().statusCode(200).body("refresh_token", nullValue(), "id_token", nullValue(),
                "scope", equalTo("reports.read"));
        assertEquals(client.clientId(), SignedJWT.parse(r.path("access_token")).getJWTClaimsSet().getSubject());
        assertOAuthError(OidcFlows.tokenRequest(client).formParam("grant_type", "client_credentials")
                .formParam("scope", "reports.delete").post("/oauth2/token"), 400, "invalid_scope");
        assertOAuthError(OidcFlows.tokenRequest(client).formParam("grant_type", "client_credentials")
                .formParam("scope", "openid").post("/oauth2/token"), 400, "invalid_scope");
    }

    @Test
    void clientCredentialsWhenPrivateKeyJwtThenAcceptedOnceAndReplayRefused() throws Exception {
        KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
        gen.initialize(2048);
        var pair = gen.generateKeyPair();
        RSAKey key = new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
                .keyID("k1").build();
        OidcClients.Client client = OidcClients.confidential().authMethod("private_key_jwt")
                .grantTypes("client_credentials").jwks(new JWKSet(key.toPublicJWK()).toString()).create();
        SignedJWT assertion = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("k1").build(),
                new JWTClaimsSet.Builder().issuer(client.clientId()).subject(client.clientId())
                        .audience(TestServer.baseUrl() + "/oauth2/token").jwtID(UUID.randomUUID().toString())
                        .expirationTime(new Date(System.currentTimeMillis() + 60_000)).build());
        assertion.sign(new RSASSASigner(key));
        Response ok = RestAssured.given().baseUri(TestServer.baseUrl()).formParam("grant_type", "client_credentials")
                .formParam("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer")
                .formParam("client_assertion", assertion.serialize()).post("/oauth2/token");
        ok.then().statusCode(200).body("access_token", notNullValue());
        Response replay = RestAssured.given().baseUri(TestServer.baseUrl())
                .formParam("grant_type", "client_credentials")
                .formParam("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer")
                .formParam("client_assertion", assertion.serialize()).post("/oauth2/token");
        assertOAuthError(replay, 401, "invalid_client");
        // The secret methods are refused for a private_key_jwt client.
        assertOAuthError(RestAssured.given().baseUri(TestServer.baseUrl()).auth().preemptive()
                .basic(client.clientId(), client.secret()).formParam("grant_type", "client_credentials")
                .post("/oauth2/token"), 401, "invalid_client");
    }

    @Test
    void publicClientWhenNoneAuthAndPkceThenTokensButNoClientCredentials() {
        OidcClients.Client client = OidcClients.publicClient().grantTypes("authorization_code", "refresh_token",
                "client_credentials").create();
        OidcFlows.exchange(client, freshCode(client), OidcFlows.VERIFIER).then().statusCode(200);
        assertOAuthError(OidcFlows.tokenRequest(client).formParam("grant_type", "client_credentials")
                .post("/oauth2/token"), 400, "unauthorized_client");
        assertOAuthError(RestAssured.given().baseUri(TestServer.baseUrl()).formParam("client_id", client.clientId())
                .formParam("token", "x").post("/oauth2/introspect"), 401, "invalid_client");
    }

    @Test
    void userinfoWhenTokenMissingBadOrRevokedThen401WithBearerChallenge() {
        RestAssured.given().baseUri(TestServer.baseUrl()).get("/oauth2/userinfo").then().statusCode(401)
                .header("WWW-Authenticate", containsString("Bearer"));
        RestAssured.given().baseUri(TestServer.baseUrl()).header("Authorization", "Bearer nope")
                .get("/oauth2/userinfo").then().statusCode(401)
                .header("WWW-Authenticate", containsString("error=\"invalid_token\""));

        OidcClients.Client client = OidcClients.confidential().create();
        String at = OidcFlows.exchange(client, freshCode(client), OidcFlows.VERIFIER).path("access_token");
        RestAssured.given().baseUri(TestServer.baseUrl()).header("Authorization", "Bearer " + at)
                .get("/oauth2/userinfo").then().statusCode(200).body("sub", equalTo(userId),
                        "preferred_username", equalTo(username));
        RestAssured.given().baseUri(TestServer.baseUrl()).formParam("access_token", at).post("/oauth2/userinfo")
                .then().statusCode(200).body("sub", equalTo(userId));

        RestAssured.given().baseUri(TestServer.baseUrl()).auth().preemptive().basic(client.clientId(), client.secret())
                .formParam("token", at).post("/oauth2/revoke").then().statusCode(200);
        RestAssured.given().baseUri(TestServer.baseUrl()).header("Authorization", "Bearer " + at)
                .get("/oauth2/userinfo").then().statusCode(401);
    }

    @Test
    void userinfoWhenBodilessPostWithBearerHeaderThenClaims() throws Exception {
        OidcClients.Client client = OidcClients.confidential().create();
        String at = OidcFlows.exchange(client, freshCode(client), OidcFlows.VERIFIER).path("access_token");
        // OIDC Core §5.3.1 allows POST with only the Authorization header: no body, no Content-Type.
        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(TestServer.baseUrl() + "/oauth2/userinfo"))
                        .header("Authorization", "Bearer " + at)
                        .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        org.junit.jupiter.api.Assertions.assertEquals(200, response.statusCode(), response.body());
        org.junit.jupiter.api.Assertions.assertTrue(response.body().contains("\"sub\":\"" + userId + "\""));
    }

    @Test
    void oauthEndpointsWhenBodyMissingOrNotFormThenOAuthErrorNever500() throws Exception {
        for (String path : java.util.List.of("/oauth2/token", "/oauth2/revoke", "/oauth2/introspect")) {
            java.net.http.HttpResponse<String> bodiless = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(TestServer.baseUrl() + path))
                            .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            org.junit.jupiter.api.Assertions.assertTrue(bodiless.statusCode() == 400 || bodiless.statusCode() == 401,
                    path + " answered " + bodiless.statusCode());
            org.junit.jupiter.api.Assertions.assertTrue(bodiless.body().contains("\"error\":\"invalid_"), bodiless.body());

            assertOAuthError(RestAssured.given().baseUri(TestServer.baseUrl()).contentType("application/json")
                    .body("{}").post(path), 400, "invalid_request");
        }
        RestAssured.given().baseUri(TestServer.baseUrl()).get("/oauth2/token").then().statusCode(405)
                .body("error", equalTo("invalid_request"));
    }

    @Test
    void introspectWhenOtherClientsTokenThenInactive() {
        OidcClients.Client owner = OidcClients.confidential().create();
        OidcClients.Client other = OidcClients.confidential().create();
        String at = OidcFlows.exchange(owner, freshCode(owner), OidcFlows.VERIFIER).path("access_token");
        OidcFlows.introspect(owner, at).then().statusCode(200).body("active", equalTo(true),
                "client_id", equalTo(owner.clientId()), "sub", equalTo(userId));
        OidcFlows.introspect(other, at).then().statusCode(200).body("active", equalTo(false));
        assertOAuthError(RestAssured.given().baseUri(TestServer.baseUrl()).auth().preemptive()
                .basic(owner.clientId(), owner.secret()).post("/oauth2/introspect"), 400, "invalid_request");
    }

    @Test
    void logoutWhenIdTokenHintAndRegisteredUriThenSessionEndsAndRedirectWithState() {
        OidcClients.Client client = OidcClients.confidential().create();
        Browser b = signedIn();
        String idToken = OidcFlows.exchange(client, OidcFlows.code(b, OidcFlows.params(client)), OidcFlows.VERIFIER)
                .path("id_token");
        Response bad = b.get("/oauth2/logout?id_token_hint=" + idToken
                + "&post_logout_redirect_uri=http%3A%2F%2F127.0.0.1%3A9999%2Fevil&state=s1");
        bad.then().statusCode(400);

        Response r = b.get("/oauth2/logout?id_token_hint=" + idToken
                + "&post_logout_redirect_uri=http%3A%2F%2F127.0.0.1%3A9999%2Fsigned-out&state=s1");
        r.then().statusCode(303).header("Location", equalTo("http://127.0.0.1:9999/signed-out?state=s1"));

        Map<String, String> none = OidcFlows.params(client);
        none.put("prompt", "none");
        assertEquals("login_required",
                Browser.query(OidcFlows.authorize(b, none).getHeader("Location")).get("error"));
    }

    @Test
    void logoutWhenIdTokenHintForgedThenErrorPageNamesTheHintAndSessionStays() {
        Browser b = signedIn();
        b.get("/oauth2/logout?id_token_hint=garbage").then().statusCode(400)
                .body(containsString("did not issue or that is malformed"));
        b.get("/login?return_to=/x").then().statusCode(303);
    }

    @Test
    void logoutWhenNoHintThenConfirmationPageThenSignedOut() {
        Browser b = signedIn();
        Response page = b.get("/oauth2/logout");
        page.then().statusCode(200).body(containsString("Sign out?"));
        b.keep(b.request().formParam("csrf_token", Browser.csrfOf(page.asString())).formParam("confirm", "yes")
                .post("/oauth2/logout")).then().statusCode(200).body(containsString("You are signed out"));
        b.get("/login?return_to=/x").then().statusCode(200);
    }

    @Test
    void discoveryWhenFetchedThenListsWhatIsSupported() {
        RestAssured.given().baseUri(TestServer.baseUrl()).get("/.well-known/openid-configuration").then()
                .statusCode(200).body("issuer", equalTo(TestServer.baseUrl()),
                        "code_challenge_methods_supported", equalTo(List.of("S256")),
                        "response_types_supported", equalTo(List.of("code")),
                        "authorization_response_iss_parameter_supported", equalTo(true),
                        "token_endpoint_auth_methods_supported", hasItem("private_key_jwt"));
        RestAssured.given().baseUri(TestServer.baseUrl()).get("/.well-known/oauth-authorization-server").then()
                .statusCode(200).body("issuer", equalTo(TestServer.baseUrl()));
        RestAssured.given().baseUri(TestServer.baseUrl()).get("/oauth2/jwks").then().statusCode(200)
                .body("keys.size()", org.hamcrest.Matchers.greaterThanOrEqualTo(2), "keys[0].d", nullValue());
    }

    static Response refresh(OidcClients.Client client, String refreshToken) {
        return OidcFlows.tokenRequest(client).formParam("grant_type", "refresh_token")
                .formParam("refresh_token", refreshToken).post("/oauth2/token");
    }
}
