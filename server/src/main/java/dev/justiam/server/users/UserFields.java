package dev.justiam.server.users;

import java.util.regex.Pattern;

import dev.justiam.server.common.Text;
import dev.justiam.server.http.ValidationErrors;

/** The rules for user fields, shared by create, update and self-service. */
public final class UserFields {

    private static final Pattern USERNAME = Pattern.compile("^[A-Za-z0-9._@-]{1,100}$");
    /**
     * A pragmatic address check: one @, a non-empty local part without spaces, a dotted domain.
     * Full RFC 5322 syntax is not accepted on purpose; what mail systems deliver to is.
     */
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s\"(),:;<>\\[\\]\\\\]{1,64}@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+$");
    public static final int MIN_PASSWORD = 8;
    public static final int MAX_PASSWORD = 1024;

    private UserFields() {
    }

    public static void username(ValidationErrors errors, String value) {
        if (value == null || !USERNAME.matcher(value).matches()) {
            errors.add("username", "must be 1 to 100 letters, digits or . _ - @");
        }
    }

    public static void email(ValidationErrors errors, String value) {
        if (value != null && (value.length() > 320 || Text.hasControlCharacters(value)
                || !EMAIL.matcher(value).matches())) {
            errors.add("email", "must be a valid email address");
        }
    }

    public static void text(ValidationErrors errors, String field, String value, int max) {
        if (value != null && (value.length() > max || Text.hasControlCharacters(value))) {
            errors.add(field, "must be at most " + max + " characters without control characters");
        }
    }

    public static void password(ValidationErrors errors, String field, String value) {
        if (value == null || value.length() < MIN_PASSWORD || value.length() > MAX_PASSWORD) {
            errors.add(field, "must be " + MIN_PASSWORD + " to " + MAX_PASSWORD + " characters");
        }
    }

    /** Empty strings clear optional text fields. */
    public static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
