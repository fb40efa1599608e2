package io.mtlslab.app.common;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.concurrent.Task;

/**
 * Runs the app's long work (key generation, server start, calls, scenario runs) off the FX thread.
 *
 * <p>One executor of named daemon threads, so that a stuck task never keeps the JVM alive and a
 * thread dump says what is running. {@link #busyProperty()} is true while any task runs; screens
 * bind their buttons' {@code disable} to it and the status bar shows {@link #messageProperty()}.
 */
public final class Tasks {

    /** Work that may report progress; runs on a background thread. */
    @FunctionalInterface
    public interface Work<T> {
        T call(Progress progress) throws Exception;
    }

    /** Progress reporting from inside a {@link Work}; safe to call from the background thread. */
    public interface Progress {
        void update(double done, double total, String message);

        default void message(String message) {
            update(-1, 1, message);
        }

        boolean isCancelled();
    }

    private final ExecutorService executor;
    private final IntegerProperty running = new SimpleIntegerProperty();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final DoubleProperty progress = new SimpleDoubleProperty();
    private final StringProperty message = new SimpleStringProperty("");
    private final Consumer<Throwable> defaultErrorHandler;

    public Tasks(Consumer<Throwable> defaultErrorHandler) {
        this.defaultErrorHandler = defaultErrorHandler;
        AtomicInteger counter = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(3, runnable -> {
            Thread thread = new Thread(runnable, "mtlslab-worker-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        busy.bind(running.greaterThan(0));
    }

    /** Starts {@code work}; {@code onSuccess} and failures are delivered on the FX thread. */
    public <T> Task<T> run(Work<T> work, Consumer<T> onSuccess) {
        return run(work, onSuccess, defaultErrorHandler);
    }

    public <T> Task<T> run(Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onError) {
        Task<T> task = new WorkTask<>(work);
        task.setOnSucceeded(event -> {
            finished(task);
            onSuccess.accept(task.getValue());
        });
        task.setOnFailed(event -> {
            finished(task);
            onError.accept(task.getException());
        });
        task.setOnCancelled(event -> finished(task));
        task.messageProperty().addListener((obs, old, text) -> message.set(text));
        task.progressProperty().addListener((obs, old, value) -> progress.set(value.doubleValue()));
        running.set(running.get() + 1);
        progress.set(-1);
        executor.execute(task);
        return task;
    }

    /** Convenience for work without progress. */
    public <T> Task<T> run(Callable<T> work, Consumer<T> onSuccess) {
        return run(progress -> work.call(), onSuccess);
    }

    private void finished(Task<?> task) {
        running.set(running.get() - 1);
        if (running.get() == 0) {
            message.set("");
            progress.set(0);
        }
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public boolean isBusy() {
        return busy.get();
    }

    public DoubleProperty progressProperty() {
        return progress;
    }

    public StringProperty messageProperty() {
        return message;
    }

    /** Runs on the FX thread now if already there, otherwise later. */
    public static void onFx(Runnable action) {
        if (Platform.isFxApplicationThread()) {
            action.run();
        } else {
            Platform.runLater(action);
        }
    }

    public void shutdown() {
        executor.shutdownNow();
    }

    /** A Task that hands itself to the work as its progress reporter. */
    private static final class WorkTask<T> extends Task<T> implements Progress {
        private final Work<T> work;

        WorkTask(Work<T> work) {
            this.work = work;
        }

        @Override
        protected T call() throws Exception {
            return work.call(this);
        }

        @Override
        public void update(double done, double total, String text) {
            if (done >= 0) {
                updateProgress(done, total);
            }
            if (text != null) {
                updateMessage(text);
            }
        }
    }
}
