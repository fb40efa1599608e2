package io.mtlslab.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The connection log: bounded, drained by a poller, thread-safe. */
class ConnectionLogTest {

    private static ConnectionEvent event(long id) {
        return new ConnectionEvent(Instant.now(), "127.0.0.1:1", ConnectionEvent.Outcome.REJECTED, null, null, null, null,
                io.mtlslab.text.Message.of("serverlog.noCertificate"), 0, null, null, false, "no-certificate", id, null);
    }

    @Test
    void drainReturnsEachEventOnceInOrder() {
        ConnectionLog log = new ConnectionLog(10);
        log.add(event(1));
        log.add(event(2));

        assertThat(log.drain()).extracting(ConnectionEvent::connectionId).containsExactly(1L, 2L);
        assertThat(log.drain()).isEmpty();
        log.add(event(3));
        assertThat(log.drain()).extracting(ConnectionEvent::connectionId).containsExactly(3L);
        assertThat(log.snapshot()).extracting(ConnectionEvent::connectionId).containsExactly(1L, 2L, 3L);
    }

    @Test
    void keepsOnlyTheNewestEventsAndCountsWhatNobodyDrained() {
        ConnectionLog log = new ConnectionLog(3);
        for (long id = 1; id <= 5; id++) {
            log.add(event(id));
        }
        assertThat(log.snapshot()).extracting(ConnectionEvent::connectionId).containsExactly(3L, 4L, 5L);
        assertThat(log.drain()).extracting(ConnectionEvent::connectionId).containsExactly(3L, 4L, 5L);
        assertThat(log.dropped()).isEqualTo(2);
    }

    @Test
    void losesNothingWhenManyThreadsAddWhileOneDrains() throws Exception {
        ConnectionLog log = new ConnectionLog(100_000);
        List<ConnectionEvent> heard = new CopyOnWriteArrayList<>();
        log.addListener(heard::add);
        List<Thread> writers = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int base = t * 1000;
            writers.add(startThread(() -> {
                for (int i = 0; i < 1000; i++) {
                    log.add(event(base + i));
                }
            }));
        }
        List<ConnectionEvent> drained = new ArrayList<>();
        for (Thread writer : writers) {
            while (writer.isAlive()) {
                drained.addAll(log.drain());
            }
            writer.join();
        }
        drained.addAll(log.drain());
        assertThat(drained).hasSize(8000);
        assertThat(drained).extracting(ConnectionEvent::connectionId).doesNotHaveDuplicates();
        assertThat(heard).hasSize(8000);
        assertThat(log.dropped()).isZero();
    }

    @Test
    void rendersARejectionAsOneLineWithItsReason() {
        assertThat(event(7).toLine()).contains("127.0.0.1:1 #7 REJECTED reason: no certificate sent [no-certificate]")
                .doesNotContain("\n");
    }

    private static Thread startThread(Runnable work) {
        Thread thread = new Thread(work);
        thread.start();
        return thread;
    }
}
