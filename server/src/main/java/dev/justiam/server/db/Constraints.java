package dev.justiam.server.db;

import java.sql.SQLException;
import java.util.Optional;

import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/** Reads which constraint a failed statement broke, so services can answer 409 naming the field. */
public final class Constraints {

    private static final String UNIQUE_VIOLATION = "23505";
    private static final String FOREIGN_KEY_VIOLATION = "23503";

    private Constraints() {
    }

    public static Optional<String> uniqueViolation(Throwable failure) {
        return violated(failure, UNIQUE_VIOLATION);
    }

    public static Optional<String> foreignKeyViolation(Throwable failure) {
        return violated(failure, FOREIGN_KEY_VIOLATION);
    }

    private static Optional<String> violated(Throwable failure, String state) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof PSQLException p && state.equals(p.getSQLState())) {
                ServerErrorMessage m = p.getServerErrorMessage();
                return Optional.of(m == null || m.getConstraint() == null ? "" : m.getConstraint());
            }
            if (t instanceof SQLException s && s.getNextException() != null) {
                Optional<String> next = violated(s.getNextException(), state);
                if (next.isPresent()) {
                    return next;
                }
            }
        }
        return Optional.empty();
    }
}
