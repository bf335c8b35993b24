package dev.justiam.server.oidc;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/** RFC 6749 §3.3: a scope is a space-delimited list of tokens, order irrelevant. */
final class Scopes {

    private Scopes() {
    }

    static Set<String> parse(String scope) {
        Set<String> out = new LinkedHashSet<>();
        if (scope != null) {
            for (String s : scope.trim().split(" +")) {
                if (!s.isEmpty()) {
                    out.add(s);
                }
            }
        }
        return out;
    }

    static String join(Collection<String> scopes) {
        return String.join(" ", scopes);
    }

    /** RFC 6749 §3.3: scope-token = 1*( %x21 / %x23-5B / %x5D-7E ). */
    static boolean wellFormed(String scope) {
        for (String s : parse(scope)) {
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c < 0x21 || c == 0x22 || c == 0x5c || c > 0x7e) {
                    return false;
                }
            }
        }
        return true;
    }
}
