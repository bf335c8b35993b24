package dev.justiam.server.db;

import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/** Reads which constraint a failed statement broke, so services can answer 409 naming the field. */
public final class Constraints {

    private static final String UNIQUE_VIOLATION = "23505";
    private static final String FOREIGN_KEY_VIOLATION = "23503";

    private Constraints() {
    }

    /**
     * Runs the work; if it breaks a unique constraint, throws what {@code conflict} makes of the
     * constraint's name instead (a 409 naming the field, typically). Other failures pass through.
     */
    public static <T> T onUniqueViolation(Supplier<T> work, Function<String, RuntimeException> conflict) {
        try {
            return work.get();
        } catch (RuntimeException e) {
            Optional<String> constraint = uniqueViolation(e);
            if (constraint.isPresent()) {
                throw conflict.apply(constraint.get());
            }
            throw e;
        }
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
