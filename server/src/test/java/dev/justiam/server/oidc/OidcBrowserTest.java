package dev.justiam.server.oidc;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import dev.justiam.server.testing.Api;
import dev.justiam.server.testing.NodeScripts;
import dev.justiam.server.testing.OidcClients;
import dev.justiam.server.testing.TestServer;
import org.junit.jupiter.api.Test;

/** Headless Chromium through the sign-in and consent pages, then SSO into a second application. */
class OidcBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    @Test
    void browserWhenSigningInAndConsentingThenCallbackAndSecondAppNeedsNoPassword() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM) || System.getenv("JUSTIAM_REQUIRE_NODE_TESTS") != null,
                "Chromium is not installed; browser test skipped");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String redirect = "http://127.0.0.1:" + port + "/callback";
        String username = Api.unique("browser");
        String password = "browser-password-123";
        Api.createUser(Api.adminToken(), username, password);
        OidcClients.Client consent = OidcClients.confidential().redirectUris(redirect).consentRequired(true).create();
        OidcClients.Client second = OidcClients.publicClient().redirectUris(redirect).create();
        Path screenshots = TestServer.dataRoot().getParent().resolve("screenshots");

        NodeScripts.run("oidc-browser.mjs", Map.of(
                "BASE_URL", TestServer.baseUrl(),
                "CALLBACK_PORT", Integer.toString(port),
                "CONSENT_CLIENT_ID", consent.clientId(), "CONSENT_CLIENT_SECRET", consent.secret(),
                "SECOND_CLIENT_ID", second.clientId(),
                "USERNAME", username, "PASSWORD", password,
                "SCREENSHOT_DIR", screenshots.toString()));
    }
}
