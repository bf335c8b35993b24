package dev.justiam.server.system;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class HousekeepingTest {

    @Test
    void runAllWhenOnePurgeFailsThenTheOthersStillRun() {
        AtomicInteger ran = new AtomicInteger();
        Housekeeping.runAll(List.of(
                () -> {
                    throw new IllegalStateException("database gone");
                },
                () -> {
                    ran.incrementAndGet();
                    return 3;
                }));
        assertEquals(1, ran.get());
    }
}
