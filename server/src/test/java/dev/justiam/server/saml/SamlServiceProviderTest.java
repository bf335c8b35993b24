package dev.justiam.server.saml;

import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.justiam.server.saml.SamlFixtures.Sp;
import dev.justiam.server.saml.SamlFixtures.SpKeys;
import dev.justiam.server.testing.Api;
import dev.justiam.server.testing.NodeScripts;
import dev.justiam.server.testing.OidcClients;
import dev.justiam.server.testing.TestServer;
import org.junit.jupiter.api.Test;

/**
 * The whole IdP driven by an SP library nobody here wrote (@node-saml/node-saml): a person signed
 * in to an OIDC client reaches SAML applications without a password; SP-initiated sign-in over
 * both bindings, ForceAuthn through the sign-in form, IsPassive, IdP-initiated sign-in and single
 * logout, with node-saml validating every response against our metadata.
 */
class SamlServiceProviderTest {

    @Test
    void nodeSamlWhenDrivingEveryFlowThenAllResponsesValidate() throws Exception {
        String admin = Api.adminToken();
        String username = Api.unique("saml-user");
        String password = "saml-password-1";
        String email = username + "@example.com";
        String userId = Api.as(admin).body(Map.of("username", username, "email", email, "password", password,
                "first_name", "Ada", "last_name", "Lovelace")).post("/api/v1/users").then().statusCode(201)
                .extract().path("id");
        String group = Api.unique("saml-group");
        String groupId = Api.as(admin).body(Map.of("name", group)).post("/api/v1/groups").then().statusCode(201)
                .extract().path("id");
        Api.as(admin).body(Map.of("user_ids", List.of(userId))).post("/api/v1/groups/" + groupId + "/members")
                .then().statusCode(204);

        SpKeys keys = SpKeys.generate();
        Sp sp = SamlFixtures.createSp(admin, Map.of(
                "name_id_format", "email",
                "require_signed_requests", true,
                "sp_certificate", keys.certificatePem(),
                "attribute_mappings", List.of(
                        Map.of("name", "email", "source", "email"),
                        Map.of("name", "firstName", "source", "first_name"),
                        Map.of("name", "groups", "source", "groups"),
                        Map.of("name", "roles", "source", "roles"))), true);
        Api.as(admin).body(Map.of("application_id", sp.id(), "subject_type", "group", "subject_id", groupId,
                "roles", List.of("editor", "viewer"))).post("/api/v1/app-mappings").then().statusCode(201);
        Sp idpInitiated = SamlFixtures.createSp(admin, Map.of(
                "name_id_format", "persistent",
                "sign_response", false,
                "sign_assertion", true,
                "idp_initiated_allowed", true,
                "attribute_mappings", List.of(Map.of("name", "uid", "source", "username"))), false);

        Map<String, String> env = new HashMap<>();
        env.put("JUSTIAM_BASE_URL", TestServer.baseUrl());
        env.put("SAML_USERNAME", username);
        env.put("SAML_PASSWORD", password);
        env.put("SAML_EMAIL", email);
        env.put("SAML_FIRST_NAME", "Ada");
        env.put("SAML_GROUP", group);
        env.put("SAML_ROLES", "editor,viewer");
        env.put("SP_APP_ID", sp.id());
        env.put("SP_ENTITY_ID", sp.entityId());
        env.put("SP_ACS_URL", sp.acsUrl());
        env.put("SP_SLO_URL", sp.sloUrl());
        env.put("SP_PRIVATE_KEY", keys.privateKeyPem());
        env.put("IDP_INIT_APP_ID", idpInitiated.id());
        env.put("IDP_INIT_ENTITY_ID", idpInitiated.entityId());
        env.put("IDP_INIT_ACS_URL", idpInitiated.acsUrl());
        // The person signs in to an OIDC client first; the SAML applications must not ask again.
        OidcClients.Client oidc = OidcClients.publicClient().create();
        env.put("OIDC_CLIENT_ID", oidc.clientId());
        env.put("OIDC_REDIRECT_URI", oidc.redirectUri());
        NodeScripts.run("saml-sp.mjs", env);

        // Sign-ins and the logout are in the audit log, and the session lists the application.
        Api.as(admin).queryParam("action", SamlService.ACTION_SSO).queryParam("target_id", sp.id())
                .queryParam("result", "success").get("/api/v1/audit-logs").then().statusCode(200)
                .body("data.actor_id", hasItem(userId));
        assertTrue(sessionsUsedFor(sp.id()) > 0, "the SSO session records the SAML application");
        Api.as(admin).queryParam("action", SamlService.ACTION_SLO).queryParam("target_id", sp.id())
                .get("/api/v1/audit-logs").then().statusCode(200).body("data.result", hasItem("success"));
    }

    private static int sessionsUsedFor(String appId) throws Exception {
        try (Connection c = TestServer.shared().database().dataSource().getConnection();
                PreparedStatement q = c.prepareStatement(
                        "SELECT count(*) FROM session_applications WHERE application_id = ?")) {
            q.setObject(1, UUID.fromString(appId));
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
