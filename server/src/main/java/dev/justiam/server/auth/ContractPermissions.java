package dev.justiam.server.auth;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The permission each operation needs, read from the contract's {@code x-justiam-permission}
 * extension, keyed by operationId (which is also the generated interface method's name). The
 * server enforces what the contract says instead of repeating it in code.
 */
public final class ContractPermissions {

    public static final String SPEC_RESOURCE = "openapi/justiam.yaml";
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    private final Map<String, String> byOperation;

    private ContractPermissions(Map<String, String> byOperation) {
        this.byOperation = byOperation;
    }

    public static ContractPermissions load() {
        try (InputStream in = ContractPermissions.class.getClassLoader().getResourceAsStream(SPEC_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(SPEC_RESOURCE + " is not on the class path");
            }
            return fromSpec(new ObjectMapper(new YAMLFactory()).readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ContractPermissions fromSpec(JsonNode spec) {
        Map<String, String> map = new HashMap<>();
        spec.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (!METHODS.contains(op.getKey())) {
                return;
            }
            String operationId = op.getValue().path("operationId").asText(null);
            String permission = op.getValue().path("x-justiam-permission").asText(null);
            if (operationId == null || permission == null) {
                throw new IllegalStateException("Operation " + op.getKey() + " " + path.getKey()
                        + " lacks an operationId or x-justiam-permission");
            }
            map.put(operationId, permission);
        }));
        return new ContractPermissions(Map.copyOf(map));
    }

    /** The permission of this operation, or empty when it is not an operation of the contract. */
    public Optional<String> permissionOf(String operationId) {
        return Optional.ofNullable(byOperation.get(operationId));
    }
}
