package dev.justiam.server.saml;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.parsers.DocumentBuilderFactory;

import dev.justiam.server.saml.SamlFixtures.Sp;
import dev.justiam.server.saml.SamlFixtures.SpKeys;
import dev.justiam.server.testing.Api;
import dev.justiam.server.testing.Browser;
import dev.justiam.server.testing.TestServer;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.keycloak.saml.common.util.DocumentUtil;
import org.keycloak.saml.processing.api.saml.v2.sig.SAML2Signature;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Sign-ins refused for a signed-in person, signature wrapping, and signing-key rotation. */
class SamlIdpSessionTest {

    private static final Pattern CERT = Pattern.compile("<ds:X509Certificate>([^<]+)</ds:X509Certificate>");
    private static final Pattern SAML_RESPONSE = Pattern.compile("name=\"SAMLResponse\" value=\"([^\"]+)\"");

    private static String admin;
    private static String username;
    private static final String PASSWORD = "session-test-password";

    @BeforeAll
    static void createUser() {
        admin = Api.adminToken();
        username = Api.unique("saml-session");
        Api.createUser(admin, username, PASSWORD);
    }

    private static Browser signedIn() {
        Browser browser = new Browser();
        browser.signIn(username, PASSWORD).then().statusCode(303);
        return browser;
    }

    private static void assertAudited(String appId, String reason) {
        Api.as(admin).queryParam("action", SamlService.ACTION_SSO).queryParam("target_id", appId)
                .queryParam("result", "failure").get("/api/v1/audit-logs").then().statusCode(200)
                .body("data.details.reason", hasItem(reason));
    }

    @Test
    void ssoWhenAssignmentRequiredAndUserNotMappedThenErrorPage() {
        Sp sp = SamlFixtures.createSp(admin, Map.of(), true);
        Browser browser = signedIn();
        Response r = browser.get(sp.sso() + "?" + SamlFixtures.redirectQuery("SAMLRequest",
                SamlFixtures.authnRequest(sp, SamlFixtures.newId()), null, null));
        r.then().statusCode(403).body(containsString("You do not have access to this application."),
                not(containsString("SAMLResponse")));
        assertAudited(sp.id(), "not_assigned");
    }

    @Test
    void idpInitiatedWhenApplicationDoesNotAllowItThenErrorPage() {
        Sp sp = SamlFixtures.createSp(admin, Map.of(), false);
        Response r = signedIn().get("/saml/" + sp.id() + "/init");
        r.then().statusCode(403).body(not(containsString("SAMLResponse")));
        assertAudited(sp.id(), "idp_initiated_refused");
    }

    @Test
    void ssoWhenSignedPostRequestIsWrappedThenOnlyTheSignedElementCounts() throws Exception {
        SpKeys keys = SpKeys.generate();
        Sp sp = SamlFixtures.createSp(admin, Map.of("require_signed_requests", true, "sp_certificate",
                keys.certificatePem()), false);

        // The genuine signed request is accepted.
        Document genuine = signed(SamlFixtures.authnRequest(sp, SamlFixtures.newId()), keys);
        post(sp, genuine).then().statusCode(303);

        // An attacker's request (its own ID and ACS URL) carrying a genuinely signed one inside it.
        Document signedInner = signed(SamlFixtures.authnRequest(sp, SamlFixtures.newId()), keys);
        Document attack = parse(SamlFixtures.authnRequest(sp, SamlFixtures.newId()).replace(
                "<saml:Issuer>", "<samlp:Extensions/><saml:Issuer>"));
        Element root = attack.getDocumentElement();
        Element extensions = (Element) root.getElementsByTagNameNS(SamlConstants.NS_PROTOCOL, "Extensions").item(0);
        Node inner = attack.importNode(signedInner.getDocumentElement(), true);
        Element signature = (Element) ((Element) inner).getElementsByTagNameNS(SamlConstants.NS_DSIG, "Signature")
                .item(0);
        inner.removeChild(signature);
        extensions.appendChild(inner);
        root.insertBefore(signature, extensions);
        Response r = post(sp, attack);
        r.then().statusCode(400).body(not(containsString("SAMLResponse")));
        assertAudited(sp.id(), "invalid_signature");

        // A signed request changed after signing is refused too.
        Document changed = signed(SamlFixtures.authnRequest(sp, SamlFixtures.newId()), keys);
        changed.getDocumentElement().setAttribute("ForceAuthn", "true");
        post(sp, changed).then().statusCode(400);
    }

    @Test
    void metadataWhenKeysRotateThenTheNextCertificateSignsAndANewOneIsPublished() {
        Sp sp = SamlFixtures.createSp(admin, Map.of("idp_initiated_allowed", true, "sign_response", true), false);
        List<String> before = certificates(sp);
        Browser browser = signedIn();
        assertTrue(compact(responseXml(browser, sp)).contains(before.get(0)), "the active key signs");

        Api.as(admin).post("/api/v1/settings/keys/rotate").then().statusCode(200);

        List<String> after = certificates(sp);
        assertEquals(before.get(1), after.get(0), "the published next key now signs");
        assertNotEquals(before.get(1), after.get(1), "a new next key is published");
        String xml = compact(responseXml(browser, sp));
        assertTrue(xml.contains(after.get(0)));
        assertTrue(!xml.contains(before.get(0)));
    }

    @Test
    void idpInitiatedWhenSignedInThenResponseHasEveryElementTheSsoProfileNeeds() throws Exception {
        Sp sp = SamlFixtures.createSp(admin, Map.of("idp_initiated_allowed", true, "sign_response", true,
                "sign_assertion", true, "name_id_format", "unspecified",
                "attribute_mappings", List.of(Map.of("name", "uid", "source", "username"))), false);
        Document doc = parse(responseXml(signedIn(), sp));
        Element response = doc.getDocumentElement();
        String idp = TestServer.baseUrl() + "/saml/" + sp.id() + "/metadata";

        assertEquals("Response", response.getLocalName());
        assertEquals(sp.acsUrl(), response.getAttribute("Destination"));
        assertEquals("", response.getAttribute("InResponseTo"), "unsolicited");
        assertEquals(SamlConstants.STATUS_SUCCESS, first(doc, SamlConstants.NS_PROTOCOL, "StatusCode")
                .getAttribute("Value"));
        assertEquals(idp, first(doc, SamlConstants.NS_ASSERTION, "Issuer").getTextContent());

        Element nameId = first(doc, SamlConstants.NS_ASSERTION, "NameID");
        assertEquals(username, nameId.getTextContent());
        Element confirmation = first(doc, SamlConstants.NS_ASSERTION, "SubjectConfirmation");
        assertEquals(SamlConstants.CONFIRMATION_BEARER, confirmation.getAttribute("Method"));
        Element data = first(doc, SamlConstants.NS_ASSERTION, "SubjectConfirmationData");
        assertEquals(sp.acsUrl(), data.getAttribute("Recipient"));
        assertTrue(!data.getAttribute("NotOnOrAfter").isEmpty());
        assertEquals("", data.getAttribute("NotBefore"), "SAML Profiles 4.1.4.2: no NotBefore for bearer");

        Element conditions = first(doc, SamlConstants.NS_ASSERTION, "Conditions");
        assertTrue(!conditions.getAttribute("NotBefore").isEmpty());
        assertTrue(!conditions.getAttribute("NotOnOrAfter").isEmpty());
        assertEquals(sp.entityId(), first(doc, SamlConstants.NS_ASSERTION, "Audience").getTextContent());

        Element authn = first(doc, SamlConstants.NS_ASSERTION, "AuthnStatement");
        assertTrue(!authn.getAttribute("AuthnInstant").isEmpty());
        assertTrue(authn.getAttribute("SessionIndex").startsWith("_"));
        assertEquals(SamlConstants.AUTHN_CONTEXT_PASSWORD_PROTECTED_TRANSPORT,
                first(doc, SamlConstants.NS_ASSERTION, "AuthnContextClassRef").getTextContent());
        Element attribute = first(doc, SamlConstants.NS_ASSERTION, "Attribute");
        assertEquals("uid", attribute.getAttribute("Name"));
        assertEquals(username, first(doc, SamlConstants.NS_ASSERTION, "AttributeValue").getTextContent());

        // Response and assertion each signed, RSA-SHA256 over exclusive canonicalisation.
        assertEquals(2, doc.getElementsByTagNameNS(SamlConstants.NS_DSIG, "Signature").getLength());
        assertEquals(SamlConstants.SIG_RSA_SHA256, first(doc, SamlConstants.NS_DSIG, "SignatureMethod")
                .getAttribute("Algorithm"));
        assertEquals(CanonicalizationMethod.EXCLUSIVE, first(doc, SamlConstants.NS_DSIG, "CanonicalizationMethod")
                .getAttribute("Algorithm"));
    }

    @Test
    void sloWhenPostedWithoutTheSessionCookieThenNameIdAndSessionIndexEndTheSession() throws Exception {
        Sp sp = SamlFixtures.createSp(admin, Map.of("idp_initiated_allowed", true, "name_id_format", "persistent"),
                false);
        Browser browser = signedIn();
        Document response = parse(responseXml(browser, sp));
        String nameId = first(response, SamlConstants.NS_ASSERTION, "NameID").getTextContent();
        String sessionIndex = first(response, SamlConstants.NS_ASSERTION, "AuthnStatement")
                .getAttribute("SessionIndex");

        String id = SamlFixtures.newId();
        String logout = "<samlp:LogoutRequest xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\" "
                + "xmlns:saml=\"urn:oasis:names:tc:SAML:2.0:assertion\" ID=\"" + id + "\" Version=\"2.0\" "
                + "IssueInstant=\"" + java.time.Instant.now() + "\" Destination=\"" + sp.sloEndpointUrl() + "\">"
                + "<saml:Issuer>" + sp.entityId() + "</saml:Issuer>"
                + "<saml:NameID Format=\"urn:oasis:names:tc:SAML:2.0:nameid-format:persistent\">" + nameId
                + "</saml:NameID><samlp:SessionIndex>" + sessionIndex + "</samlp:SessionIndex>"
                + "</samlp:LogoutRequest>";
        Response answer = RestAssured.given().baseUri(TestServer.baseUrl()).formParam("SAMLRequest",
                SamlFixtures.base64(logout)).formParam("RelayState", "gone").post(sp.slo());
        answer.then().statusCode(200).body(containsString("action=\"" + sp.sloUrl() + "\""),
                containsString("name=\"SAMLResponse\""));

        browser.get("/saml/" + sp.id() + "/init").then().statusCode(303)
                .header("Location", containsString("/login?return_to="));
        Api.as(admin).queryParam("action", SamlService.ACTION_SLO).queryParam("target_id", sp.id())
                .get("/api/v1/audit-logs").then().statusCode(200).body("data.details.session_ended", hasItem(true));
    }

    @Test
    void ssoWhenPostedCrossSiteThenResumedByGetWhereTheSessionCookieShows() throws Exception {
        Sp sp = SamlFixtures.createSp(admin, Map.of(), false);
        Browser browser = signedIn();
        String cookie = browser.cookie(dev.justiam.server.web.SsoSessions.COOKIE);

        // The POST arrives without the SameSite=Lax cookie; the browser comes back by GET with it.
        Response posted = RestAssured.given().baseUri(TestServer.baseUrl())
                .config(io.restassured.config.RestAssuredConfig.config().redirect(
                        io.restassured.config.RedirectConfig.redirectConfig().followRedirects(false)))
                .formParam("SAMLRequest", SamlFixtures.base64(SamlFixtures.authnRequest(sp, SamlFixtures.newId())))
                .formParam("RelayState", "cross-site").post(sp.sso());
        posted.then().statusCode(303).header("Location", containsString("/saml/" + sp.id() + "/continue?id="));
        String back = java.net.URI.create(posted.getHeader("Location")).getRawPath() + "?"
                + java.net.URI.create(posted.getHeader("Location")).getRawQuery();
        assertTrue(cookie != null);
        browser.get(back).then().statusCode(200).body(containsString("action=\"" + sp.acsUrl() + "\""),
                containsString("name=\"SAMLResponse\""), containsString("value=\"cross-site\""));

        // A passive request posted the same way, from a browser without a session, gets NoPassive.
        String passive = SamlFixtures.authnRequest(sp, SamlFixtures.newId()).replace("<samlp:AuthnRequest ",
                "<samlp:AuthnRequest IsPassive=\"true\" ");
        Browser stranger = new Browser();
        Response r = stranger.keep(stranger.request().formParam("SAMLRequest", SamlFixtures.base64(passive))
                .post(sp.sso()));
        r.then().statusCode(303);
        String location = java.net.URI.create(r.getHeader("Location")).getRawPath() + "?"
                + java.net.URI.create(r.getHeader("Location")).getRawQuery();
        String html = stranger.get(location).then().statusCode(200).extract().asString();
        Matcher m = SAML_RESPONSE.matcher(html);
        assertTrue(m.find());
        assertTrue(decoded(m.group(1)).contains(SamlConstants.STATUS_NO_PASSIVE));
    }

    private static Element first(Document doc, String ns, String name) {
        Element e = (Element) doc.getElementsByTagNameNS(ns, name).item(0);
        assertTrue(e != null, name + " is present");
        return e;
    }

    private static List<String> certificates(Sp sp) {
        String metadata = RestAssured.given().baseUri(TestServer.baseUrl()).get("/saml/" + sp.id() + "/metadata")
                .then().statusCode(200).extract().asString();
        List<String> out = new ArrayList<>();
        Matcher m = CERT.matcher(metadata);
        while (m.find()) {
            out.add(m.group(1).trim());
        }
        assertEquals(2, out.size());
        return out;
    }

    private static String responseXml(Browser browser, Sp sp) {
        Response r = browser.get("/saml/" + sp.id() + "/init");
        r.then().statusCode(200);
        Matcher m = SAML_RESPONSE.matcher(r.asString());
        assertTrue(m.find(), "auto-post form with a SAMLResponse");
        return decoded(m.group(1));
    }

    /** The XML of a SAMLResponse field as the page's HTML escaping left it. */
    private static String decoded(String field) {
        String encoded = field.replace("&#61;", "=").replace("&#x3D;", "=").replace("&#43;", "+")
                .replace("&#x2B;", "+").replace("&#47;", "/").replace("&#x2F;", "/");
        return new String(Base64.getMimeDecoder().decode(encoded), StandardCharsets.UTF_8);
    }

    private static String compact(String xml) {
        return xml.replaceAll("\\s", "");
    }

    private static Response post(Sp sp, Document request) throws Exception {
        String xml = DocumentUtil.getDocumentAsString(request);
        return RestAssured.given().baseUri(TestServer.baseUrl())
                .config(io.restassured.config.RestAssuredConfig.config().redirect(
                        io.restassured.config.RedirectConfig.redirectConfig().followRedirects(false)))
                .formParam("SAMLRequest", SamlFixtures.base64(xml)).post(sp.sso());
    }

    private static Document signed(String xml, SpKeys keys) throws Exception {
        Document doc = parse(xml);
        SAML2Signature signature = new SAML2Signature();
        signature.setSignatureMethod(SamlConstants.SIG_RSA_SHA256);
        signature.setDigestMethod("http://www.w3.org/2001/04/xmlenc#sha256");
        signature.setNextSibling(signature.getNextSiblingOfIssuer(doc));
        signature.signSAMLDocument(doc, "sp", keys.pair(), CanonicalizationMethod.EXCLUSIVE);
        return doc;
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }
}
