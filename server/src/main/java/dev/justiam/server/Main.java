package dev.justiam.server;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

import dev.justiam.server.config.Config;
import dev.justiam.server.config.ConfigException;
import dev.justiam.server.tenancy.TenantService;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar justiam.jar} runs the server. Subcommands:
 * <pre>
 *   serve                                   run the server (the default)
 *   create-tenant --slug S [--name N] [--admin-username U]
 *                                           create a tenant and its first administrator; the
 *                                           password comes from JUSTIAM_ADMIN_PASSWORD or is
 *                                           generated and printed once
 * </pre>
 * Configuration is read from the environment (see the README).
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        configureLogging();
        String command = args.length == 0 ? "serve" : args[0];
        try {
            Config config = Config.fromEnvironment();
            switch (command) {
                case "serve" -> serve(config);
                case "create-tenant" -> createTenant(config, options(Arrays.copyOfRange(args, 1, args.length)));
                case "help", "--help", "-h" -> usage(0);
                default -> {
                    System.err.println("Unknown command: " + command);
                    usage(2);
                }
            }
        } catch (ConfigException | IllegalArgumentException e) {
            System.err.println("justiam: " + e.getMessage());
            System.exit(2);
        }
    }

    private static void serve(Config config) {
        long started = System.nanoTime();
        JustIam app = JustIam.start(config);
        LoggerFactory.getLogger(Main.class).info("Started in {} ms", (System.nanoTime() - started) / 1_000_000);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LoggerFactory.getLogger(Main.class).info("Shutting down");
            app.close();
            stopped.countDown();
        }, "shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void createTenant(Config config, Map<String, String> opts) {
        String slug = opts.get("slug");
        if (slug == null) {
            throw new IllegalArgumentException("create-tenant needs --slug");
        }
        try (JustIam app = JustIam.openDatabaseOnly(config)) {
            TenantService.Created created = app.core().tenants.create(slug, opts.getOrDefault("name", slug),
                    opts.getOrDefault("admin-username", "admin"), config.adminPassword());
            System.out.println("Created tenant '" + created.tenant().slug() + "' (" + created.tenant().id() + ")");
            System.out.println("Administrator: " + created.adminUsername());
            created.generatedPassword().ifPresent(p -> System.out.println("Generated password (shown once): " + p));
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> opts = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("Expected --option value pairs, got '" + args[i] + "'");
            }
            opts.put(args[i].substring(2), args[++i]);
        }
        return opts;
    }

    private static void usage(int status) {
        System.out.println("""
                Usage: java -jar justiam.jar [command]
                  serve                      run the server (default)
                  create-tenant --slug SLUG [--name NAME] [--admin-username USER]
                                             create a tenant with its first administrator
                                             (password from JUSTIAM_ADMIN_PASSWORD, or generated)
                """);
        System.exit(status);
    }

    private static void configureLogging() {
        String format = Optional.ofNullable(System.getenv("JUSTIAM_LOG_FORMAT")).orElse("text");
        if (format.equalsIgnoreCase("json") && System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "logback-json.xml");
        }
    }
}
