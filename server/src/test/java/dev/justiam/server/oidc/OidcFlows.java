package dev.justiam.server.oidc;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.justiam.server.testing.Browser;
import dev.justiam.server.testing.OidcClients;
import dev.justiam.server.testing.TestServer;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** Steps of the authorization code flow, for tests. */
final class OidcFlows {

    static final String VERIFIER = "dBjftJeZ4CVP-mJ92sobDSfiTWJH_PAeE3ud8CWSJRZzWfGRk4kk9d1";

    private OidcFlows() {
    }

    static String challenge(String verifier) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(d);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The usual parameters of an authorization request by this client, to adjust per test. */
    static Map<String, String> params(OidcClients.Client client) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("response_type", "code");
        p.put("client_id", client.clientId());
        p.put("redirect_uri", client.redirectUri());
        p.put("scope", "openid profile email");
        p.put("state", "st-123");
        p.put("nonce", "n-456");
        p.put("code_challenge", challenge(VERIFIER));
        p.put("code_challenge_method", "S256");
        return p;
    }

    static String query(Map<String, String> params) {
        StringBuilder b = new StringBuilder();
        params.forEach((k, v) -> {
            if (v != null) {
                b.append(b.length() == 0 ? "" : "&").append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
                        .append(URLEncoder.encode(v, StandardCharsets.UTF_8));
            }
        });
        return b.toString();
    }

    static Response authorize(Browser browser, Map<String, String> params) {
        return browser.get("/oauth2/authorize?" + query(params));
    }

    /** A code for a signed-in browser; fails unless the server redirects straight back with one. */
    static String code(Browser browser, Map<String, String> params) {
        Response r = authorize(browser, params);
        if (r.statusCode() != 302) {
            throw new AssertionError("expected a redirect with a code, got " + r.statusCode() + "\n" + r.asString());
        }
        Map<String, String> q = Browser.query(r.getHeader("Location"));
        if (!q.containsKey("code")) {
            throw new AssertionError("no code in " + r.getHeader("Location"));
        }
        return q.get("code");
    }

    static RequestSpecification tokenRequest(OidcClients.Client client) {
        RequestSpecification spec = RestAssured.given().baseUri(TestServer.baseUrl()).contentType(
                "application/x-www-form-urlencoded");
        return client.secret() == null ? spec.formParam("client_id", client.clientId())
                : spec.auth().preemptive().basic(client.clientId(), client.secret());
    }

    static Response exchange(OidcClients.Client client, String code, String verifier) {
        RequestSpecification spec = tokenRequest(client).formParam("grant_type", "authorization_code")
                .formParam("code", code).formParam("redirect_uri", client.redirectUri());
        if (verifier != null) {
            spec.formParam("code_verifier", verifier);
        }
        return spec.post("/oauth2/token");
    }

    static Response introspect(OidcClients.Client client, String token) {
        return RestAssured.given().baseUri(TestServer.baseUrl()).auth().preemptive()
                .basic(client.clientId(), client.secret()).formParam("token", token).post("/oauth2/introspect");
    }
}
