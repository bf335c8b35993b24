package dev.justiam.server.testing;

import static io.restassured.RestAssured.given;

import java.util.Map;
import java.util.Optional;

import dev.justiam.server.JustIam;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * A multi-tenant node beside the shared server, on the same database, and tenants created through
 * the real tenant service. Requests name their tenant with the Host header, as browsers would.
 */
public final class Tenants {

    public static final String BASE_DOMAIN = "justiam.test";

    private static JustIam node;

    private Tenants() {
    }

    public static synchronized JustIam node() {
        if (node == null) {
            node = TestServer.startNode(Map.of("JUSTIAM_MODE", "multi", "JUSTIAM_BASE_DOMAIN", BASE_DOMAIN));
            Runtime.getRuntime().addShutdownHook(new Thread(node::close, "multi-node-stop"));
        }
        return node;
    }

    /** A request to the multi-tenant node for this host. */
    public static RequestSpecification onHost(String host) {
        return given().baseUri("http://localhost:" + node().port()).header("Host", host)
                .contentType(ContentType.JSON);
    }

    public record TestTenant(String slug, String adminPassword) {

        public String host() {
            return slug + "." + BASE_DOMAIN;
        }

        public RequestSpecification anonymous() {
            return onHost(host());
        }

        public RequestSpecification as(String token) {
            return anonymous().header("Authorization", "Bearer " + token);
        }

        public String login(String login, String password) {
            return anonymous().body(Map.of("login", login, "password", password))
                    .post("/api/v1/auth/login").then().statusCode(200).extract().path("token");
        }

        public String adminToken() {
            return login("admin", adminPassword);
        }
    }

    /** A new tenant with administrator {@code admin}, created as the command line does. */
    public static TestTenant create(String prefix) {
        String slug = Api.unique(prefix).toLowerCase();
        String password = "tenant admin password " + slug;
        node().core().tenants.create(slug, "Tenant " + slug, "admin", Optional.of(password));
        return new TestTenant(slug, password);
    }
}
