package dev.justiam.server.http;

import java.util.LinkedHashMap;
import java.util.Map;

/** Collects field problems and throws one 400 {@code validation_failed} naming all of them. */
public final class ValidationErrors {

    private final Map<String, String> fields = new LinkedHashMap<>();

    public ValidationErrors add(String field, String problem) {
        fields.putIfAbsent(field, problem);
        return this;
    }

    public boolean isEmpty() {
        return fields.isEmpty();
    }

    public void throwIfAny() {
        if (!fields.isEmpty()) {
            throw new ApiException(400, "validation_failed", "The request has invalid fields.",
                    Map.of("fields", Map.copyOf(fields)));
        }
    }

    public static ApiException single(String field, String problem) {
        return new ApiException(400, "validation_failed", "The request has invalid fields.",
                Map.of("fields", Map.of(field, problem)));
    }
}
