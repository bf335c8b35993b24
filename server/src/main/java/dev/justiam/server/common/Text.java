package dev.justiam.server.common;

/**
 * Checks on free text from clients. PostgreSQL cannot store or compare a NUL character, so text
 * carrying control characters is refused before it reaches a query.
 */
public final class Text {

    private Text() {
    }

    public static boolean hasControlCharacters(String value) {
        return value != null && value.chars().anyMatch(c -> c < 0x20 || c == 0x7f);
    }

    /** The value without control characters, cut to {@code max} characters; for logs and audit details. */
    public static String printable(String value, int max) {
        if (value == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(Math.min(value.length(), max));
        value.chars().filter(c -> c >= 0x20 && c != 0x7f).limit(max).forEach(c -> out.append((char) c));
        return out.toString();
    }
}
