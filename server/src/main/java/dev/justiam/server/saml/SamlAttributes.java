package dev.justiam.server.saml;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.justiam.server.http.JsonMapperProvider;
import dev.justiam.server.users.UserRow;

/**
 * The AttributeStatement of an application: its attribute mappings ({@code [{"name", "source"}]})
 * resolved for one user. Sources are user fields ({@code id}, {@code username}, {@code email},
 * {@code first_name}, {@code last_name}, {@code display_name}), {@code groups} (the user's group
 * names) and {@code roles} (the user's roles in the application). Empty values are left out;
 * a mapping with an unknown source is skipped.
 */
final class SamlAttributes {

    static final String SOURCE_GROUPS = "groups";
    static final String SOURCE_ROLES = "roles";

    private SamlAttributes() {
    }

    record Mapping(String name, String source) {
    }

    static List<Mapping> parse(String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        try {
            JsonNode root = JsonMapperProvider.MAPPER.readTree(json);
            if (!root.isArray()) {
                return List.of();
            }
            List<Mapping> out = new java.util.ArrayList<>();
            for (JsonNode m : root) {
                String name = text(m, "name");
                String source = text(m, "source");
                if (name != null && source != null) {
                    out.add(new Mapping(name, source));
                }
            }
            return out;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored attribute mappings are not JSON", e);
        }
    }

    /** True when one of the mappings needs the named source, so it is loaded only then. */
    static boolean uses(List<Mapping> mappings, String source) {
        return mappings.stream().anyMatch(m -> m.source().equals(source));
    }

    static Map<String, List<String>> resolve(List<Mapping> mappings, UserRow user, Supplier<List<String>> groups,
            Supplier<List<String>> roles) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Mapping m : mappings) {
            List<String> values = switch (m.source()) {
                case "id" -> single(user.id().toString());
                case "username" -> single(user.username());
                case "email" -> single(user.email());
                case "first_name" -> single(user.firstName());
                case "last_name" -> single(user.lastName());
                case "display_name" -> single(user.displayName());
                case SOURCE_GROUPS -> groups.get();
                case SOURCE_ROLES -> roles.get();
                default -> List.of();
            };
            if (!values.isEmpty()) {
                out.computeIfAbsent(m.name(), k -> new java.util.ArrayList<>()).addAll(values);
            }
        }
        return out;
    }

    private static List<String> single(String value) {
        return value == null || value.isEmpty() ? List.of() : List.of(value);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || !v.isTextual() ? null : v.asText();
    }
}
