package io.mtlslab.testing;

import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The one place tests wait for something another thread or process does (a log line, an event, a
 * port): poll until it holds or the deadline passes, then fail saying what was awaited and what was
 * seen last. The deadline is a generous upper bound, never a claim about speed.
 */
public final class Await {

    /** Long enough for a loaded 2-core CI machine; a test that waits this long has already failed. */
    public static final Duration DEFAULT = Duration.ofSeconds(20);
    private static final long POLL_MILLIS = 20;

    private Await() {
    }

    /** Waits until {@code probe} yields a value and returns it. */
    public static <T> T value(String what, Supplier<Optional<T>> probe) {
        return value(what, DEFAULT, probe, () -> "");
    }

    /**
     * Waits up to {@code timeout} until {@code probe} yields a value; on timeout fails with {@code what}
     * and {@code lastSeen} (e.g. the log so far).
     */
    public static <T> T value(String what, Duration timeout, Supplier<Optional<T>> probe, Supplier<String> lastSeen) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<T> found = probe.get();
            if (found.isPresent()) {
                return found.get();
            }
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("waited " + timeout.toSeconds() + " s for " + what + "; last seen: "
                        + lastSeen.get());
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            }
        }
    }

    /** Waits until {@code condition} holds. */
    public static void until(String what, BooleanSupplier condition) {
        until(what, DEFAULT, condition, () -> "");
    }

    /** Waits up to {@code timeout} until {@code condition} holds; on timeout fails with {@code lastSeen}. */
    public static void until(String what, Duration timeout, BooleanSupplier condition, Supplier<String> lastSeen) {
        value(what, timeout, () -> condition.getAsBoolean() ? Optional.of(Boolean.TRUE) : Optional.empty(), lastSeen);
    }

    /** A call that may fail with an I/O error (a refused handshake, say). */
    @FunctionalInterface
    public interface Call {
        void run() throws java.io.IOException, InterruptedException;
    }

    /**
     * Repeats {@code call} until it fails with an {@link java.io.IOException}: for a change another thread
     * applies moments later (a server reloading its CRL), never assumed to be instant.
     */
    public static void untilRefused(String what, Call call, Supplier<String> lastSeen) {
        until(what, DEFAULT, () -> {
            try {
                call.run();
                return false;
            } catch (java.io.IOException refused) {
                return true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            }
        }, lastSeen);
    }
}
