package dev.justiam.server.common;

import java.util.Locale;

import dev.justiam.server.http.ValidationErrors;

/** Turns user text into a LIKE pattern in which {@code %}, {@code _} and {@code \} are literal. */
public final class Like {

    public static final int MAX_SEARCH = 200;

    private Like() {
    }

    /** Lower-cased, escaped for {@code LIKE ... ESCAPE '\'}, wrapped in {@code %} for a substring match. */
    public static String contains(String search) {
        if (search == null || search.isBlank()) {
            return null;
        }
        if (search.length() > MAX_SEARCH || Text.hasControlCharacters(search)) {
            throw ValidationErrors.single("search", "must be at most " + MAX_SEARCH
                    + " characters without control characters");
        }
        String escaped = search.trim().toLowerCase(Locale.ROOT)
                .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + escaped + "%";
    }
}
