package dev.justiam.server.tenancy;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.justiam.server.testing.Api;
import dev.justiam.server.testing.TestServer;
import dev.justiam.server.testing.Tenants;
import org.junit.jupiter.api.Test;

/** {@code java -jar justiam.jar create-tenant}: run as a real process against the shared database. */
class CreateTenantCommandTest {

    private record Run(int exit, String output) {
    }

    private static Run run(Map<String, String> env, String... args) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                "dev.justiam.server.Main"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        String[] db = TestServer.shared().databaseCoordinates();
        pb.environment().put("JUSTIAM_DB_URL", db[0]);
        pb.environment().put("JUSTIAM_DB_USER", db[1]);
        pb.environment().put("JUSTIAM_DB_PASSWORD", db[2]);
        pb.environment().put("JUSTIAM_DATA_DIR", TestServer.dataRoot().resolve("shared").toString());
        pb.environment().remove("JUSTIAM_ADMIN_PASSWORD");
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(2, TimeUnit.MINUTES), "create-tenant did not finish");
        return new Run(p.exitValue(), out);
    }

    @Test
    void createTenantWhenSlugNewThenTenantAndAdministratorWithPrintedPassword() throws Exception {
        String slug = Api.unique("cli").toLowerCase();

        Run run = run(Map.of(), "create-tenant", "--slug", slug, "--name", "Command Line Inc");

        assertEquals(0, run.exit(), run.output());
        Matcher m = Pattern.compile("Generated password \\(shown once\\): (\\S+)").matcher(run.output());
        assertTrue(m.find(), run.output());
        String host = slug + "." + Tenants.BASE_DOMAIN;
        String token = Tenants.onHost(host).body(Map.of("login", "admin", "password", m.group(1)))
                .post("/api/v1/auth/login").then().statusCode(200).extract().path("token");
        Tenants.onHost(host).header("Authorization", "Bearer " + token).get("/api/v1/users")
                .then().statusCode(200).body("total", equalTo(1)).body("data[0].username", equalTo("admin"));
    }

    @Test
    void createTenantWhenAdminPasswordAndUsernameGivenThenUsed() throws Exception {
        String slug = Api.unique("clipw").toLowerCase();

        Run run = run(Map.of("JUSTIAM_ADMIN_PASSWORD", "a chosen admin passphrase"),
                "create-tenant", "--slug", slug, "--admin-username", "root");

        assertEquals(0, run.exit(), run.output());
        assertTrue(!run.output().contains("Generated password"), run.output());
        Tenants.onHost(slug + "." + Tenants.BASE_DOMAIN)
                .body(Map.of("login", "root", "password", "a chosen admin passphrase"))
                .post("/api/v1/auth/login").then().statusCode(200);
    }

    @Test
    void createTenantWhenSlugTakenOrInvalidOrMissingThenExitCodeTwo() throws Exception {
        String slug = Api.unique("twice").toLowerCase();
        assertEquals(0, run(Map.of(), "create-tenant", "--slug", slug).exit());

        Run again = run(Map.of(), "create-tenant", "--slug", slug);
        assertEquals(2, again.exit(), again.output());
        assertTrue(again.output().contains("already exists"), again.output());

        Run invalid = run(Map.of(), "create-tenant", "--slug", "Not_Valid");
        assertEquals(2, invalid.exit(), invalid.output());
        Run missing = run(Map.of(), "create-tenant");
        assertEquals(2, missing.exit(), missing.output());
    }
}
