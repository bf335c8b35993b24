package dev.justiam.server.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import dev.justiam.server.JustIam;
import dev.justiam.server.config.Config;

/**
 * One real server per test JVM, on a random port, over a real embedded PostgreSQL under
 * {@code target/test-data}. Test classes share it and keep out of each other's way by creating
 * their own users and groups with unique names. Other nodes (multi-tenant mode, restarts) can be
 * started beside it on the same database with {@link #startNode}.
 */
public final class TestServer {

    public static final String ADMIN_PASSWORD = "admin-password-for-tests";

    private static JustIam shared;

    private TestServer() {
    }

    public static synchronized JustIam shared() {
        if (shared == null) {
            Path dataDir = freshDir("shared");
            shared = JustIam.start(config(dataDir, Map.of()));
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "test-server-stop"));
        }
        return shared;
    }

    public static String baseUrl() {
        return "http://localhost:" + shared().port();
    }

    /** Another server process-equivalent sharing the shared server's database, with extra settings. */
    public static JustIam startNode(Map<String, String> env) {
        String[] db = shared().databaseCoordinates();
        Map<String, String> all = new HashMap<>(env);
        all.put("JUSTIAM_DB_URL", db[0]);
        all.put("JUSTIAM_DB_USER", db[1]);
        all.put("JUSTIAM_DB_PASSWORD", db[2]);
        // Same master key as the shared server, so both read each other's encrypted keys.
        all.putIfAbsent("JUSTIAM_DATA_DIR", dataRoot().resolve("shared").toString());
        return JustIam.start(config(null, all));
    }

    /** A server with its own embedded database in a data directory of its own. */
    public static JustIam startWithDataDir(Path dataDir) {
        return JustIam.start(config(dataDir, Map.of()));
    }

    public static Config config(Path dataDir, Map<String, String> extra) {
        Map<String, String> env = new HashMap<>();
        env.put("JUSTIAM_HTTP_PORT", "0");
        env.put("JUSTIAM_ADMIN_PASSWORD", ADMIN_PASSWORD);
        if (dataDir != null) {
            env.put("JUSTIAM_DATA_DIR", dataDir.toString());
        }
        env.putAll(extra);
        return Config.from(env);
    }

    public static Path dataRoot() {
        return Path.of(System.getProperty("justiam.repo.root", "."), "server", "target", "test-data")
                .toAbsolutePath().normalize();
    }

    /** An empty directory under target/test-data, removed first if an earlier run left it. */
    public static Path freshDir(String name) {
        Path dir = dataRoot().resolve(name);
        try {
            if (Files.exists(dir)) {
                try (var walk = Files.walk(dir)) {
                    walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
            Files.createDirectories(dir);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
