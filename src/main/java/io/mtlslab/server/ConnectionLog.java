package io.mtlslab.server;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The echo server's connection log: a bounded, thread-safe ring buffer of {@link ConnectionEvent}s.
 *
 * <p>The server's network threads {@link #add} events; a UI polls {@link #drain()} on a timer (never
 * one UI update per event), a CLI may {@linkplain #addListener listen} instead. When more events arrive
 * than the buffer holds, the oldest are dropped and {@link #dropped()} counts them.
 */
public final class ConnectionLog {

    public static final int DEFAULT_CAPACITY = 2000;

    private final int capacity;
    private final ArrayDeque<ConnectionEvent> retained = new ArrayDeque<>();
    private final ArrayDeque<ConnectionEvent> undrained = new ArrayDeque<>();
    private final List<Consumer<ConnectionEvent>> listeners = new CopyOnWriteArrayList<>();
    private long dropped;

    public ConnectionLog() {
        this(DEFAULT_CAPACITY);
    }

    public ConnectionLog(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.capacity = capacity;
    }

    public void add(ConnectionEvent event) {
        synchronized (this) {
            if (retained.size() == capacity) {
                retained.removeFirst();
            }
            retained.addLast(event);
            if (undrained.size() == capacity) {
                undrained.removeFirst();
                dropped++;
            }
            undrained.addLast(event);
        }
        for (Consumer<ConnectionEvent> listener : listeners) {
            listener.accept(event);
        }
    }

    /** The events added since the last drain, oldest first. */
    public synchronized List<ConnectionEvent> drain() {
        List<ConnectionEvent> events = new ArrayList<>(undrained);
        undrained.clear();
        return events;
    }

    /** The last {@code capacity} events, oldest first, without draining them. */
    public synchronized List<ConnectionEvent> snapshot() {
        return new ArrayList<>(retained);
    }

    /** How many events were lost because nobody drained them in time. */
    public synchronized long dropped() {
        return dropped;
    }

    /**
     * Calls {@code listener} for every later event, on the server's network thread: it must be quick and
     * must not block (hand the event over to your own thread if it has real work to do).
     */
    public void addListener(Consumer<ConnectionEvent> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<ConnectionEvent> listener) {
        listeners.remove(listener);
    }
}
