package dev.justiam.server.config;

/** A configuration value is missing or malformed; the server refuses to start and says which. */
public class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }
}
