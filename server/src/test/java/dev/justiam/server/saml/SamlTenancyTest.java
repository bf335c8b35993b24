package dev.justiam.server.saml;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.justiam.server.testing.Tenants;
import dev.justiam.server.testing.Tenants.TestTenant;
import org.junit.jupiter.api.Test;

/** Each tenant is its own IdP: its own applications, entity IDs and signing certificates. */
class SamlTenancyTest {

    private static final Pattern CERT = Pattern.compile("<ds:X509Certificate>([^<]+)</ds:X509Certificate>");

    @Test
    void metadataWhenAskedOnAnotherTenantsHostThenUnknownApplication() {
        TestTenant a = Tenants.create("samla");
        TestTenant b = Tenants.create("samlb");
        String appId = a.as(a.adminToken()).body(Map.of("protocol", "saml", "name", "sp", "saml",
                Map.of("entity_id", "https://sp.example.test/a", "acs_urls", List.of("https://sp.example.test/acs"))))
                .post("/api/v1/applications").then().statusCode(201).extract().path("id");
        String bApp = b.as(b.adminToken()).body(Map.of("protocol", "saml", "name", "sp", "saml",
                Map.of("entity_id", "https://sp.example.test/a", "acs_urls", List.of("https://sp.example.test/acs"))))
                .post("/api/v1/applications").then().statusCode(201).extract().path("id");

        String metadata = a.anonymous().get("/saml/" + appId + "/metadata").then().statusCode(200)
                .body(containsString("entityID=\"http://" + a.host())).extract().asString();
        b.anonymous().get("/saml/" + appId + "/metadata").then().statusCode(404)
                .body(containsString("This application is not known."), not(containsString("X509Certificate")));

        // Different tenants sign with different keys.
        String other = b.anonymous().get("/saml/" + bApp + "/metadata").then().statusCode(200).extract().asString();
        List<String> mine = certificates(metadata);
        List<String> theirs = certificates(other);
        assertEquals(2, mine.size());
        assertTrue(mine.stream().noneMatch(theirs::contains));
    }

    private static List<String> certificates(String metadata) {
        List<String> out = new ArrayList<>();
        Matcher m = CERT.matcher(metadata);
        while (m.find()) {
            out.add(m.group(1).trim());
        }
        return out;
    }
}
