package dev.justiam.server.http;

/** JAX-RS hands an absent body to the method as null; every operation with a required body checks it here. */
public final class Bodies {

    private Bodies() {
    }

    public static <T> T require(T body) {
        if (body == null) {
            throw new ApiException(400, "validation_failed", "A JSON request body is required.",
                    java.util.Map.of("fields", java.util.Map.of("body", "is required")));
        }
        return body;
    }
}
