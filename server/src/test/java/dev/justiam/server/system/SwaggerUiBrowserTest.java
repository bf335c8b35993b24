package dev.justiam.server.system;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import dev.justiam.server.testing.NodeScripts;
import dev.justiam.server.testing.TestServer;
import org.junit.jupiter.api.Test;

/** Swagger UI in a real headless chromium shows our operations; needs Node.js (see NodeScripts). */
class SwaggerUiBrowserTest {

    @Test
    void swaggerUiWhenOpenedInBrowserThenShowsOurOperations() throws Exception {
        Path screenshots = TestServer.dataRoot().getParent().resolve("screenshots");

        String output = NodeScripts.run("swagger-ui.mjs",
                Map.of("BASE_URL", TestServer.baseUrl(), "SCREENSHOT_DIR", screenshots.toString()));

        assertTrue(output.contains("visible: List users, newest first"), output);
        assertTrue(output.contains("visible: Sign in with a username or email and a password"), output);
        assertTrue(Files.size(screenshots.resolve("swagger-ui.png")) > 0);
    }
}
