package io.mtlslab.load;

import java.time.Duration;

/**
 * Where a load run stands, reported about twice a second so a CLI line or a GUI progress bar can follow.
 *
 * @param fraction done so far, 0..1 (by count, or by time for a timed run)
 */
public record LoadProgress(long calls, long succeeded, long failed, Duration elapsed, double fraction,
                           double handshakesPerSecond) {
}
