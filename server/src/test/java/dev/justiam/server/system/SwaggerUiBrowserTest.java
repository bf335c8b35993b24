package dev.justiam.server.system;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import dev.justiam.server.testing.NodeScripts;
import dev.justiam.server.testing.TestServer;
import org.junit.jupiter.api.Test;

/**
 * Swagger UI in a real headless chromium shows our operations. Needs Node.js (see NodeScripts) and
 * Debian's chromium; skipped without them unless JUSTIAM_REQUIRE_NODE_TESTS is set.
 */
class SwaggerUiBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    @Test
    void swaggerUiWhenOpenedInBrowserThenShowsOurOperations() throws Exception {
        if (System.getenv("JUSTIAM_REQUIRE_NODE_TESTS") == null) {
            assumeTrue(Files.isExecutable(CHROMIUM), "chromium is not installed; browser test skipped");
        }
        Path screenshots = TestServer.dataRoot().getParent().resolve("screenshots");

        String output = NodeScripts.run("swagger-ui.mjs",
                Map.of("BASE_URL", TestServer.baseUrl(), "SCREENSHOT_DIR", screenshots.toString()));

        assertTrue(output.contains("visible: List users, newest first"), output);
        assertTrue(output.contains("visible: Sign in with a username or email and a password"), output);
        assertTrue(Files.size(screenshots.resolve("swagger-ui.png")) > 0);
    }
}
