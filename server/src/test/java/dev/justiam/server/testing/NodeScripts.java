package dev.justiam.server.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the Node.js scripts under {@code src/test/node}: independent OIDC, SAML and browser clients
 * that nobody here wrote, checking what the server issues. Dependencies are installed from the
 * lock file on first use. Without Node.js the tests are skipped, except when
 * {@code JUSTIAM_REQUIRE_NODE_TESTS} is set (as CI does), where a missing Node.js fails them.
 */
public final class NodeScripts {

    private static boolean installed;

    private NodeScripts() {
    }

    public static Path folder() {
        return Path.of(System.getProperty("justiam.repo.root", "."), "server", "src", "test", "node")
                .toAbsolutePath().normalize();
    }

    /** Runs {@code node <script>} with the given environment; its output goes to target/node-logs. */
    public static String run(String script, Map<String, String> env) throws IOException, InterruptedException {
        requireNode();
        ensureInstalled();
        Path logs = TestServer.dataRoot().getParent().resolve("node-logs");
        Files.createDirectories(logs);
        Path log = logs.resolve(script.replace('/', '_') + ".log");
        ProcessBuilder pb = new ProcessBuilder("node", script).directory(folder().toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError(script + " did not finish in 5 minutes; see " + log);
        }
        String output = Files.readString(log);
        assertEquals(0, p.exitValue(), script + " failed:\n" + output);
        return output;
    }

    private static void requireNode() {
        boolean available = commandWorks(List.of("node", "--version"));
        if (System.getenv("JUSTIAM_REQUIRE_NODE_TESTS") != null) {
            if (!available) {
                throw new AssertionError("Node.js is required for the protocol tests but was not found");
            }
        } else {
            assumeTrue(available, "Node.js is not installed; protocol client tests skipped");
        }
    }

    private static synchronized void ensureInstalled() throws IOException, InterruptedException {
        if (installed || Files.isDirectory(folder().resolve("node_modules/openid-client"))
                && Files.isDirectory(folder().resolve("node_modules/@node-saml/node-saml"))
                && Files.isDirectory(folder().resolve("node_modules/playwright-core"))) {
            installed = true;
            return;
        }
        Process p = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(folder().toFile())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new AssertionError("npm ci failed:\n" + out);
        }
        installed = true;
    }

    private static boolean commandWorks(List<String> cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
