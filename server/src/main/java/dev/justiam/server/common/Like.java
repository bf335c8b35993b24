package dev.justiam.server.common;

import java.util.Locale;

/** Turns user text into a LIKE pattern in which {@code %}, {@code _} and {@code \} are literal. */
public final class Like {

    private Like() {
    }

    /** Lower-cased, escaped for {@code LIKE ... ESCAPE '\'}, wrapped in {@code %} for a substring match. */
    public static String contains(String search) {
        if (search == null || search.isBlank()) {
            return null;
        }
        String escaped = search.trim().toLowerCase(Locale.ROOT)
                .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + escaped + "%";
    }
}
