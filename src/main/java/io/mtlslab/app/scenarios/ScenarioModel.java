package io.mtlslab.app.scenarios;

import io.mtlslab.app.AppContext;
import io.mtlslab.pki.Workspace;
import io.mtlslab.scenario.ScenarioMatrix;
import io.mtlslab.scenario.ScenarioProgress;
import io.mtlslab.scenario.ScenarioResult;
import io.mtlslab.scenario.ServerMode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.util.Duration;

/**
 * The scenario matrix run (M1–M2): which mode, the rows so far (moved into the table by a timer as
 * the core finishes them), progress, and cancelling between cells.
 */
public final class ScenarioModel {

    private final AppContext context;
    /** {@code null} means every mode. */
    public final ObjectProperty<ServerMode> mode = new SimpleObjectProperty<>(ServerMode.SECURE);
    private final ObservableList<ScenarioResult> results = FXCollections.observableArrayList();
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final DoubleProperty progress = new SimpleDoubleProperty();
    private final ConcurrentLinkedQueue<ScenarioResult> arrived = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean cancel = new AtomicBoolean();
    private volatile double fraction;
    private final Timeline drainer;

    public ScenarioModel(AppContext context) {
        this.context = context;
        drainer = new Timeline(new KeyFrame(Duration.millis(200), event -> drain()));
        drainer.setCycleCount(Animation.INDEFINITE);
    }

    public void run() {
        Workspace workspace = context.workspace();
        ServerMode chosen = mode.get();
        results.clear();
        arrived.clear();
        cancel.set(false);
        fraction = 0;
        progress.set(0);
        running.set(true);
        drainer.play();
        context.tasks().run(work -> {
            work.message(context.text("scenarios.running"));
            return ScenarioMatrix.run(workspace, chosen, new ScenarioProgress() {
                @Override
                public void finished(ScenarioResult result, int done, int total) {
                    arrived.add(result);
                    fraction = (double) done / total;
                    work.update(done, total, context.text("scenarios.progress", done, total));
                }

                @Override
                public boolean cancelled() {
                    return cancel.get();
                }
            });
        }, all -> {
            arrived.clear();
            results.setAll(all);
            finish();
        }, failure -> {
            drain();
            finish();
            context.report(failure);
        });
    }

    private void finish() {
        drainer.stop();
        progress.set(1);
        running.set(false);
    }

    private void drain() {
        List<ScenarioResult> batch = new ArrayList<>();
        ScenarioResult next;
        while ((next = arrived.poll()) != null) {
            batch.add(next);
        }
        if (!batch.isEmpty()) {
            results.addAll(batch);
        }
        progress.set(fraction);
    }

    public void cancel() {
        cancel.set(true);
    }

    public ObservableList<ScenarioResult> results() {
        return results;
    }

    public BooleanProperty runningProperty() {
        return running;
    }

    public DoubleProperty progressProperty() {
        return progress;
    }
}
