package dev.justiam.server.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Server configuration, read from environment variables (see the README for the table).
 * Built from a map so tests and the command line can pass their own values.
 */
public record Config(
        int httpPort,
        Path dataDir,
        Optional<String> dbUrl,
        Optional<String> dbUser,
        Optional<String> dbPassword,
        Optional<URI> publicUrl,
        TenancyMode mode,
        Optional<String> baseDomain,
        Optional<String> adminPassword,
        Optional<String> masterKey,
        LogFormat logFormat,
        Duration portalTokenLifetime,
        int lockoutMaxFailures,
        Duration lockoutDuration) {

    public enum TenancyMode { SINGLE, MULTI }

    public enum LogFormat { TEXT, JSON }

    public static Config fromEnvironment() {
        return from(System.getenv());
    }

    public static Config from(Map<String, String> env) {
        TenancyMode mode = parseEnum(TenancyMode.class, env, "JUSTIAM_MODE", TenancyMode.SINGLE);
        Optional<String> baseDomain = value(env, "JUSTIAM_BASE_DOMAIN").map(d -> d.toLowerCase(Locale.ROOT));
        if (mode == TenancyMode.MULTI && baseDomain.isEmpty()) {
            throw new ConfigException("JUSTIAM_BASE_DOMAIN is required when JUSTIAM_MODE=multi");
        }
        return new Config(
                parsePort(env.getOrDefault("JUSTIAM_HTTP_PORT", "8080")),
                Path.of(value(env, "JUSTIAM_DATA_DIR").orElse("./data")).toAbsolutePath().normalize(),
                value(env, "JUSTIAM_DB_URL"),
                value(env, "JUSTIAM_DB_USER"),
                value(env, "JUSTIAM_DB_PASSWORD"),
                value(env, "JUSTIAM_PUBLIC_URL").map(Config::parsePublicUrl),
                mode,
                baseDomain,
                value(env, "JUSTIAM_ADMIN_PASSWORD"),
                value(env, "JUSTIAM_MASTER_KEY"),
                parseEnum(LogFormat.class, env, "JUSTIAM_LOG_FORMAT", LogFormat.TEXT),
                Duration.ofSeconds(parseLong(env, "JUSTIAM_TOKEN_LIFETIME_SECONDS", 3600)),
                (int) parseLong(env, "JUSTIAM_LOCKOUT_MAX_FAILURES", 5),
                Duration.ofSeconds(parseLong(env, "JUSTIAM_LOCKOUT_SECONDS", 900)));
    }

    private static Optional<String> value(Map<String, String> env, String name) {
        String v = env.get(name);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
    }

    private static int parsePort(String raw) {
        try {
            int port = Integer.parseInt(raw.trim());
            if (port < 0 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new ConfigException("JUSTIAM_HTTP_PORT must be a port number, got '" + raw + "'");
        }
    }

    private static long parseLong(Map<String, String> env, String name, long fallback) {
        Optional<String> raw = value(env, name);
        try {
            long v = raw.map(Long::parseLong).orElse(fallback);
            if (v <= 0) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new ConfigException(name + " must be a positive number");
        }
    }

    private static URI parsePublicUrl(String raw) {
        try {
            URI uri = URI.create(raw.endsWith("/") ? raw.substring(0, raw.length() - 1) : raw);
            if (uri.getScheme() == null || uri.getHost() == null
                    || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
                throw new IllegalArgumentException();
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new ConfigException("JUSTIAM_PUBLIC_URL must be an absolute http(s) URL, got '" + raw + "'");
        }
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, Map<String, String> env, String name, E fallback) {
        Optional<String> raw = value(env, name);
        if (raw.isEmpty()) {
            return fallback;
        }
        try {
            return Enum.valueOf(type, raw.get().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(name + " has an unknown value '" + raw.get() + "'");
        }
    }

    public boolean embeddedDatabase() {
        return dbUrl.isEmpty();
    }
}
