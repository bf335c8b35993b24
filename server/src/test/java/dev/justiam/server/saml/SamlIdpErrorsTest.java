package dev.justiam.server.saml;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;

import dev.justiam.server.saml.SamlFixtures.Sp;
import dev.justiam.server.saml.SamlFixtures.SpKeys;
import dev.justiam.server.testing.Api;
import dev.justiam.server.testing.TestServer;
import io.restassured.RestAssured;
import io.restassured.config.RedirectConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Requests the IdP must refuse. Each is answered with the error page (never a form posting to the
 * SP), and leaves a failure in the audit log naming the reason.
 */
class SamlIdpErrorsTest {

    private static String admin;
    private static Sp sp;
    private static Sp signedSp;
    private static SpKeys spKeys;

    @BeforeAll
    static void registerServiceProviders() {
        admin = Api.adminToken();
        sp = SamlFixtures.createSp(admin, Map.of(), false);
        spKeys = SpKeys.generate();
        signedSp = SamlFixtures.createSp(admin, Map.of("require_signed_requests", true, "sp_certificate",
                spKeys.certificatePem()), false);
    }

    static RequestSpecification browser() {
        return RestAssured.given().baseUri(TestServer.baseUrl()).urlEncodingEnabled(false)
                .config(RestAssuredConfig.config().redirect(RedirectConfig.redirectConfig().followRedirects(false)));
    }

    private static Response redirect(Sp target, String query) {
        return browser().get(target.sso() + "?" + query);
    }

    private static Response post(Sp target, String encoded) {
        return RestAssured.given().baseUri(TestServer.baseUrl())
                .config(RestAssuredConfig.config().redirect(RedirectConfig.redirectConfig().followRedirects(false)))
                .formParam("SAMLRequest", encoded).post(target.sso());
    }

    /** The error page, no auto-post form, and an audit record with the reason. */
    private static void assertRefused(Response r, int status, String appId, String reason) {
        r.then().statusCode(status).contentType(containsString("text/html"))
                .body(containsString("Sign-in failed"), not(containsString("SAMLResponse")),
                        not(containsString("<form method=\"post\"")));
        Api.as(admin).queryParam("action", SamlService.ACTION_SSO).queryParam("target_id", appId)
                .queryParam("result", "failure").queryParam("limit", 100)
                .get("/api/v1/audit-logs").then().statusCode(200)
                .body("data.details.reason", hasItem(reason));
    }

    @Test
    void ssoWhenRequestIsValidThenSignInPageIsNext() {
        Response r = redirect(sp, SamlFixtures.redirectQuery("SAMLRequest", SamlFixtures.authnRequest(sp,
                SamlFixtures.newId()), "state-1", null));
        r.then().statusCode(303).header("Location", containsString("/login?return_to="));
    }

    @Test
    void ssoWhenApplicationUnknownThenErrorPage() {
        String unknown = UUID.randomUUID().toString();
        Response r = browser().get("/saml/" + unknown + "/sso?" + SamlFixtures.redirectQuery("SAMLRequest",
                SamlFixtures.authnRequest(sp, SamlFixtures.newId()), null, null));
        assertRefused(r, 404, unknown, "unknown_application");
    }

    @Test
    void ssoWhenIssuerIsAnotherEntityThenErrorPage() {
        String xml = SamlFixtures.authnRequest(sp, SamlFixtures.newId())
                .replace("<saml:Issuer>" + sp.entityId(), "<saml:Issuer>https://someone-else.example.test");
        assertRefused(redirect(sp, SamlFixtures.redirectQuery("SAMLRequest", xml, null, null)), 400, sp.id(),
                "issuer_mismatch");
    }

    @Test
    void ssoWhenAcsUrlNotRegisteredThenErrorPageAndNothingPostedThere() {
        String xml = SamlFixtures.authnRequest(sp, SamlFixtures.newId(), Instant.now(),
                "https://attacker.example.test/acs");
        Response r = redirect(sp, SamlFixtures.redirectQuery("SAMLRequest", xml, null, null));
        assertRefused(r, 400, sp.id(), "acs_url_not_registered");
        assertFalse(r.asString().contains("attacker.example.test"));
    }

    @Test
    void ssoWhenRequestIdReplayedThenErrorPage() {
        String query = SamlFixtures.redirectQuery("SAMLRequest", SamlFixtures.authnRequest(sp,
                SamlFixtures.newId()), null, null);
        redirect(sp, query).then().statusCode(303);
        assertRefused(redirect(sp, query), 400, sp.id(), "replayed_request");
    }

    @Test
    void ssoWhenSigningRequiredAndRequestUnsignedThenErrorPage() {
        String query = SamlFixtures.redirectQuery("SAMLRequest", SamlFixtures.authnRequest(signedSp,
                SamlFixtures.newId()), null, null);
        assertRefused(redirect(signedSp, query), 400, signedSp.id(), "unsigned_request");
        assertRefused(post(signedSp, SamlFixtures.base64(SamlFixtures.authnRequest(signedSp, SamlFixtures.newId()))),
                400, signedSp.id(), "unsigned_request");
    }

    @Test
    void ssoWhenSignedRequestIsIntactThenAccepted() {
        String query = SamlFixtures.redirectQuery("SAMLRequest", SamlFixtures.authnRequest(signedSp,
                SamlFixtures.newId()), "state-2", spKeys.pair().getPrivate());
        redirect(signedSp, query).then().statusCode(303).header("Location", containsString("/login?return_to="));
    }

    @Test
    void ssoWhenSignedRequestTamperedThenErrorPage() {
        String query = SamlFixtures.redirectQuery("SAMLRequest", SamlFixtures.authnRequest(signedSp,
                SamlFixtures.newId()), "state-3", spKeys.pair().getPrivate());
        String tampered = query.replace("RelayState=state-3", "RelayState=state-4");
        assertTrue(!tampered.equals(query));
        assertRefused(redirect(signedSp, tampered), 400, signedSp.id(), "invalid_signature");

        // Another key's signature over a genuine request proves nothing either.
        String forged = SamlFixtures.redirectQuery("SAMLRequest", SamlFixtures.authnRequest(signedSp,
                SamlFixtures.newId()), null, SpKeys.generate().pair().getPrivate());
        assertRefused(redirect(signedSp, forged), 400, signedSp.id(), "invalid_signature");
    }

    @Test
    void ssoWhenMessageDeclaresExternalEntityThenRefusedBeforeParsing() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                + SamlFixtures.authnRequest(sp, SamlFixtures.newId())
                        .replace("<saml:Issuer>" + sp.entityId(), "<saml:Issuer>&xxe;");
        Response viaRedirect = redirect(sp, SamlFixtures.redirectQuery("SAMLRequest", xxe, null, null));
        assertRefused(viaRedirect, 400, sp.id(), "dtd_refused");
        assertFalse(viaRedirect.asString().contains("root:"));
        Response viaPost = post(sp, SamlFixtures.base64(xxe));
        assertRefused(viaPost, 400, sp.id(), "dtd_refused");
        assertFalse(viaPost.asString().contains("root:"));
    }

    @Test
    void ssoWhenDeflateBombThenRefusedAtTheSizeBound() {
        // 4 MiB that compress to a few kilobytes, small enough for a URL.
        byte[] huge = new byte[4 * 1024 * 1024];
        Arrays.fill(huge, (byte) ' ');
        String bomb = SamlFixtures.deflateBase64(huge);
        assertTrue(bomb.length() < 7000, "the bomb is small on the wire");
        Instant start = Instant.now();
        assertRefused(redirect(sp, "SAMLRequest=" + SamlFixtures.enc(bomb)), 400, sp.id(), "message_too_large");
        assertTrue(Duration.between(start, Instant.now()).toSeconds() < 10);
    }

    @Test
    void ssoWhenBase64IsMalformedThenErrorPage() {
        assertRefused(redirect(sp, "SAMLRequest=" + SamlFixtures.enc("%%not*base64!!")), 400, sp.id(),
                "bad_encoding");
        assertRefused(post(sp, "@@@@"), 400, sp.id(), "bad_encoding");
    }

    @Test
    void ssoWhenDestinationIsAnotherAddressThenErrorPage() {
        String xml = SamlFixtures.authnRequest(sp, SamlFixtures.newId())
                .replace("Destination=\"" + sp.ssoUrl() + "\"", "Destination=\"https://other-idp.example.test/sso\"");
        assertRefused(redirect(sp, SamlFixtures.redirectQuery("SAMLRequest", xml, null, null)), 400, sp.id(),
                "destination_mismatch");
    }

    @Test
    void ssoWhenIssueInstantInTheFutureThenErrorPage() {
        String xml = SamlFixtures.authnRequest(sp, SamlFixtures.newId(), Instant.now().plus(Duration.ofHours(1)),
                sp.acsUrl());
        assertRefused(redirect(sp, SamlFixtures.redirectQuery("SAMLRequest", xml, null, null)), 400, sp.id(),
                "request_not_yet_valid");
    }

    @Test
    void ssoWhenIssueInstantTooOldThenErrorPage() {
        String xml = SamlFixtures.authnRequest(sp, SamlFixtures.newId(), Instant.now().minus(Duration.ofHours(1)),
                sp.acsUrl());
        assertRefused(redirect(sp, SamlFixtures.redirectQuery("SAMLRequest", xml, null, null)), 400, sp.id(),
                "request_expired");
    }

    @Test
    void metadataWhenFetchedThenDescribesEndpointsAndBothKeys() {
        String xml = RestAssured.given().baseUri(TestServer.baseUrl()).get("/saml/" + sp.id() + "/metadata")
                .then().statusCode(200).contentType(containsString("application/samlmetadata+xml"))
                .extract().asString();
        assertTrue(xml.contains("entityID=\"" + TestServer.baseUrl() + "/saml/" + sp.id() + "/metadata\""));
        assertTrue(xml.contains("Location=\"" + sp.ssoUrl() + "\""));
        assertTrue(xml.contains("Location=\"" + sp.sloEndpointUrl() + "\""));
        assertTrue(xml.contains(dev.justiam.server.applications.NameIdFormat.PERSISTENT.urn()));
        assertEquals(2, xml.split("<ds:X509Certificate>", -1).length - 1, "active and next certificates");
    }

}
