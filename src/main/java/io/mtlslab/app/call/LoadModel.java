package io.mtlslab.app.call;

import io.mtlslab.app.AppContext;
import io.mtlslab.load.LoadProgress;
import io.mtlslab.load.LoadReport;
import io.mtlslab.load.LoadRequest;
import io.mtlslab.load.LoadTest;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The Test call screen's load run (issue 11 §2): many full handshakes with the call's target, identity
 * and trust, run by {@link LoadTest} in the background, with its progress and last report kept across
 * re-renders.
 */
public final class LoadModel {

    /** What the amount counts: calls, or seconds of running. */
    public enum Unit { CALLS, SECONDS }

    /** Largest concurrency offered: more connections than this only measure the machine's limits. */
    static final int MAX_CONCURRENCY = 256;

    /** What the form says wrong, as a message key and its argument; {@code null} when it is fine. */
    public record Invalid(String key, String value) {
    }

    private final AppContext context;
    private final CallModel call;
    public final StringProperty concurrency = new SimpleStringProperty("4");
    public final StringProperty amount = new SimpleStringProperty("200");
    public final ObjectProperty<Unit> unit = new SimpleObjectProperty<>(Unit.CALLS);
    /** Whether the screen shows the load view (kept when a language switch rebuilds the screen). */
    public final BooleanProperty shown = new SimpleBooleanProperty(false);
    private final ObjectProperty<LoadProgress> progress = new SimpleObjectProperty<>();
    private final ObjectProperty<LoadReport> report = new SimpleObjectProperty<>();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    /** Whether the last run's calls went without a client certificate: their answers prove no authentication. */
    private final BooleanProperty withoutCertificate = new SimpleBooleanProperty();
    private AtomicBoolean cancelled = new AtomicBoolean();

    public LoadModel(AppContext context) {
        this.context = context;
        this.call = context.model(CallModel.class, () -> new CallModel(context));
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    /** The running load's last progress report; {@code null} before the first. */
    public ReadOnlyObjectProperty<LoadProgress> progressProperty() {
        return progress;
    }

    /** The last finished (or cancelled) run's report. */
    public ReadOnlyObjectProperty<LoadReport> reportProperty() {
        return report;
    }

    public ReadOnlyBooleanProperty withoutCertificateProperty() {
        return withoutCertificate;
    }

    /** What is wrong with the concurrency or amount fields, or {@code null}. */
    public Invalid invalid() {
        if (positive(concurrency.get()) < 0 || positive(concurrency.get()) > MAX_CONCURRENCY) {
            return new Invalid("load.error.concurrency", concurrency.get());
        }
        if (positive(amount.get()) < 0) {
            return new Invalid(unit.get() == Unit.SECONDS ? "load.error.seconds" : "load.error.calls", amount.get());
        }
        return null;
    }

    /** The field's whole positive number, or -1. */
    private static long positive(String text) {
        try {
            long value = Long.parseLong(text == null ? "" : text.trim());
            return value > 0 ? value : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Starts a load run with the screen's call inputs; does nothing while one runs or the form is wrong. */
    public void start() {
        if (busy.get() || invalid() != null) {
            return;
        }
        CallModel.Inputs inputs = call.inputs();
        int connections = (int) positive(concurrency.get());
        long count = unit.get() == Unit.CALLS ? positive(amount.get()) : 0;
        Duration duration = unit.get() == Unit.SECONDS ? Duration.ofSeconds(positive(amount.get())) : null;
        AtomicBoolean stop = new AtomicBoolean();
        cancelled = stop;
        String running = context.text("load.running", inputs.url());
        busy.set(true);
        progress.set(null);
        context.tasks().run(task -> {
            task.message(running);
            LoadRequest request = new LoadRequest(inputs.request(), connections, count, duration, false,
                    LoadRequest.TlsProvider.AUTO);
            // About twice a second: one runLater each is fine.
            return LoadTest.run(request, now -> Platform.runLater(() -> {
                if (busy.get() && cancelled == stop) {
                    progress.set(now);
                }
            }), () -> stop.get() || task.isCancelled());
        }, done -> {
            busy.set(false);
            withoutCertificate.set(inputs.identity() == null || inputs.identity().isBlank());
            report.set(done);
        }, failure -> {
            busy.set(false);
            context.report(failure);
        });
    }

    /** Stops the running load after the calls in flight; the report then covers what ran. */
    public void cancel() {
        cancelled.set(true);
    }
}
