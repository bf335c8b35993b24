package dev.justiam.server.system;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the purges of expired protocol state (authorization codes, tokens, client assertion ids) on
 * a timer. Every node runs it; the purges are idempotent deletes, so several nodes doing the same
 * work at once only cost a little database time.
 *
 * <p>Limitation: the schedule is fixed here; the Scheduled Tasks API that will let administrators
 * change it and see the history of runs does not exist yet.
 */
public final class Housekeeping implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Housekeeping.class);

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "housekeeping");
        t.setDaemon(true);
        return t;
    });

    public Housekeeping(List<IntSupplier> purges, Duration every) {
        timer.scheduleWithFixedDelay(() -> runAll(purges), every.toSeconds(), every.toSeconds(), TimeUnit.SECONDS);
    }

    static void runAll(List<IntSupplier> purges) {
        for (IntSupplier purge : purges) {
            try {
                int deleted = purge.getAsInt();
                if (deleted > 0) {
                    log.info("Purged {} expired rows", deleted);
                }
            } catch (RuntimeException e) {
                log.warn("A purge of expired rows failed; it runs again later: {}", e.toString());
            }
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
