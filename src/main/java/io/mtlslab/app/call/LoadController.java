package io.mtlslab.app.call;

import io.mtlslab.app.AppContext;
import io.mtlslab.app.common.KeyValueGrid;
import io.mtlslab.load.FailureGroup;
import io.mtlslab.load.Latency;
import io.mtlslab.load.LoadProgress;
import io.mtlslab.load.LoadReport;
import java.text.NumberFormat;
import java.time.Duration;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.collections.FXCollections;
import javafx.fxml.FXML;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The load test view of the Test call screen: concurrency and how many calls (or seconds), Start and
 * Cancel, a progress bar fed by the run's progress reports, then handshakes/s, latency percentiles,
 * failures grouped by diagnosis code and a histogram of handshake latencies.
 */
public class LoadController {

    private final AppContext context;
    private final LoadModel model;

    @FXML private TextField loadConcurrency;
    @FXML private TextField loadAmount;
    @FXML private ComboBox<LoadModel.Unit> loadUnit;
    @FXML private Label loadError;
    @FXML private Button loadButton;
    @FXML private Button cancelLoadButton;
    @FXML private ProgressBar loadProgress;
    @FXML private Label loadStatus;
    @FXML private VBox loadResults;
    @FXML private Label loadHeadline;
    @FXML private Label loadWithoutCertificate;
    @FXML private KeyValueGrid loadFigures;
    @FXML private VBox loadFailures;
    @FXML private BarChart<String, Number> loadChart;
    @FXML private NumberAxis loadChartY;

    public LoadController(AppContext context) {
        this.context = context;
        this.model = context.model(LoadModel.class, () -> new LoadModel(context));
    }

    @FXML
    private void initialize() {
        loadConcurrency.textProperty().bindBidirectional(model.concurrency);
        loadAmount.textProperty().bindBidirectional(model.amount);
        loadUnit.setItems(FXCollections.observableArrayList(LoadModel.Unit.values()));
        loadUnit.setConverter(new StringConverter<>() {
            @Override
            public String toString(LoadModel.Unit unit) {
                return unit == null ? "" : context.text("load.unit." + unit.name());
            }

            @Override
            public LoadModel.Unit fromString(String text) {
                return null;
            }
        });
        loadUnit.valueProperty().bindBidirectional(model.unit);
        BooleanBinding invalid = Bindings.createBooleanBinding(() -> model.invalid() != null, model.concurrency,
                model.amount, model.unit);
        loadError.textProperty().bind(Bindings.createStringBinding(() -> {
            LoadModel.Invalid wrong = model.invalid();
            return wrong == null ? "" : context.text(wrong.key(), wrong.value(), LoadModel.MAX_CONCURRENCY);
        }, model.concurrency, model.amount, model.unit));
        loadError.visibleProperty().bind(invalid);
        loadError.managedProperty().bind(invalid);
        loadButton.disableProperty().bind(model.busyProperty().or(invalid).or(context.workspaceProperty().isNull()));
        cancelLoadButton.visibleProperty().bind(model.busyProperty());
        cancelLoadButton.managedProperty().bind(cancelLoadButton.visibleProperty());
        loadProgress.visibleProperty().bind(model.busyProperty());
        loadProgress.managedProperty().bind(loadProgress.visibleProperty());
        context.viewScope().onChange(model.progressProperty(), (old, now) -> showProgress(now));
        context.viewScope().onChange(model.busyProperty(), (old, now) -> showProgress(model.progressProperty().get()));
        showProgress(model.progressProperty().get());
        context.viewScope().onChange(model.reportProperty(), (old, report) -> render(report));
        render(model.reportProperty().get());
    }

    @FXML
    private void start() {
        model.start();
    }

    @FXML
    private void cancel() {
        model.cancel();
    }

    private void showProgress(LoadProgress now) {
        if (!model.busyProperty().get()) {
            loadStatus.setText("");
            return;
        }
        loadProgress.setProgress(now == null ? ProgressBar.INDETERMINATE_PROGRESS : now.fraction());
        loadStatus.setText(now == null ? context.text("load.starting")
                : context.text("load.progress", now.calls(), now.failed(), now.handshakesPerSecond()));
    }

    private void render(LoadReport report) {
        loadResults.setVisible(report != null);
        loadResults.setManaged(report != null);
        loadFigures.clear();
        loadFailures.getChildren().clear();
        loadChart.getData().clear();
        if (report == null) {
            return;
        }
        loadHeadline.setText(report.cancelled()
                ? context.text("load.cancelled", report.calls(), seconds(report.elapsed()))
                : context.text("load.done", report.calls(), seconds(report.elapsed())));
        // A 2xx without a client certificate is no success in mTLS: say so, as the call's banner does.
        boolean answeredAnyone = model.withoutCertificateProperty().get() && report.succeeded() > 0;
        loadWithoutCertificate.setText(answeredAnyone ? context.text("load.withoutCertificate", report.succeeded()) : "");
        loadWithoutCertificate.setVisible(answeredAnyone);
        loadWithoutCertificate.setManaged(answeredAnyone);
        figure("load.fig.calls", context.text("load.fig.calls.value", report.calls(), report.succeeded(), report.failed()));
        figure("load.fig.rate", context.text("load.fig.rate.value", report.handshakesPerSecond(),
                report.fullHandshakes(), report.callsPerSecond()));
        figure("load.fig.handshake", percentiles(report.handshake()));
        figure("load.fig.request", percentiles(report.request()));
        figure("load.fig.setup", context.text("load.fig.setup.value", report.concurrency(), report.tlsProvider()));
        figure("load.fig.busy", Double.isNaN(report.clientBusy()) ? context.text("load.fig.busy.unknown")
                : context.text(report.clientSaturated() ? "load.fig.busy.saturated" : "load.fig.busy.value",
                        report.clientBusy()));
        figure("load.fig.statuses", report.statuses().entrySet().stream()
                .map(e -> "HTTP " + e.getKey() + " × " + e.getValue()).collect(Collectors.joining(", ")));
        if (report.failures().isEmpty()) {
            loadFailures.getChildren().add(new Label(context.text("load.failures.none")));
        }
        for (FailureGroup group : report.failures()) {
            loadFailures.getChildren().add(failure(group));
        }
        XYChart.Series<String, Number> series = new XYChart.Series<>();
        series.setName(context.text("load.chart.series"));
        long most = 0;
        for (Latency.Bucket bucket : report.handshake().buckets()) {
            series.getData().add(new XYChart.Data<>(context.text("load.chart.bucket", millis(bucket.upTo())),
                    bucket.count()));
            most = Math.max(most, bucket.count());
        }
        scaleCountAxis(most);
        loadChart.getData().add(series);
    }

    /**
     * Handshakes are counted in whole numbers: the axis runs from 0 to a round bound in whole steps (the
     * automatic axis showed "2.5" handshakes), written in the user's digits ("1.000" in Portuguese).
     */
    private void scaleCountAxis(long most) {
        long unit = countTickUnit(most);
        loadChartY.setAutoRanging(false);
        loadChartY.setLowerBound(0);
        loadChartY.setUpperBound(Math.max(unit, (most + unit - 1) / unit * unit));
        loadChartY.setTickUnit(unit);
        loadChartY.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number count) {
                return context.text("load.chart.count", count.longValue());
            }

            @Override
            public Number fromString(String text) {
                return null;
            }
        });
    }

    /** 1, 2, 5, 10, 20, 50…: the smallest step that reaches {@code most} in at most eight. */
    static long countTickUnit(long most) {
        for (long power = 1; ; power *= 10) {
            for (long step : new long[] {power, 2 * power, 5 * power}) {
                if (most <= 8 * step) {
                    return step;
                }
            }
        }
    }

    /** "12 × Rejected: …  (UNKNOWN_CA)": the diagnosis headline in the current language where there is one. */
    private Label failure(FailureGroup group) {
        String key = FailureGroup.TRANSIENT.equals(group.code()) ? "load.failure.TRANSIENT" : "diagnosis." + group.code();
        String words = context.i18n().has(key) ? context.text(key) : group.summary();
        Label label = CallViews.wrapped(context.text("load.failure", group.count(), words, group.code()));
        label.setId("loadFailure-" + group.code());
        label.getStyleClass().add("cell-fail");
        if (group.example() != null && !group.example().isBlank()) {
            label.setTooltip(new Tooltip(group.example()));
        }
        return label;
    }

    private String percentiles(Latency latency) {
        return latency.count() == 0 ? "—" : context.text("load.fig.percentiles", millis(latency.p50()),
                millis(latency.p90()), millis(latency.p99()), millis(latency.max()));
    }

    private void figure(String key, String value) {
        loadFigures.add(context.text(key), value);
    }

    /** Milliseconds with up to two decimals, in the screen's language ("0,25 ms" in Portuguese). */
    private String millis(Duration duration) {
        NumberFormat format = NumberFormat.getNumberInstance(context.i18n().locale());
        format.setMaximumFractionDigits(duration.toNanos() < 10_000_000 ? 2 : 0);
        return format.format(duration.toNanos() / 1e6) + " ms";
    }

    private String seconds(Duration duration) {
        NumberFormat format = NumberFormat.getNumberInstance(context.i18n().locale());
        format.setMaximumFractionDigits(1);
        format.setMinimumFractionDigits(1);
        return format.format(duration.toMillis() / 1000.0);
    }
}
