package dev.justiam.server.oidc;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.MultivaluedMap;

/** Reading OAuth request parameters, which RFC 6749 §3.1 and §3.2 allow at most once each. */
final class Params {

    private Params() {
    }

    /** The parameter's value; null when absent or empty (RFC 6749 §3.1: empty means omitted). */
    static String single(MultivaluedMap<String, String> params, String name) {
        List<String> values = params == null ? null : params.get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        String v = values.get(0);
        return v == null || v.isEmpty() ? null : v;
    }

    /** The name of the first parameter sent more than once, or null. */
    static String repeated(MultivaluedMap<String, String> params) {
        if (params == null) {
            return null;
        }
        for (Map.Entry<String, List<String>> e : params.entrySet()) {
            if (e.getValue() != null && e.getValue().size() > 1) {
                return e.getKey();
            }
        }
        return null;
    }
}
