package io.mtlslab.app.audit;

import io.mtlslab.app.AppContext;
import io.mtlslab.audit.AuditReport;
import io.mtlslab.audit.AuditReports;
import io.mtlslab.audit.ClientAudit;
import io.mtlslab.audit.ClientConnection;
import io.mtlslab.audit.Probe;
import io.mtlslab.audit.ProbeResult;
import io.mtlslab.audit.ServerAudit;
import io.mtlslab.audit.ServerAuditRequest;
import io.mtlslab.pki.PkiException;
import io.mtlslab.pki.SecureFiles;
import io.mtlslab.pki.Workspace;
import io.mtlslab.text.Message;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.util.Duration;

/**
 * The Audit screen's state, kept across language switches: the server audit's target, identity and
 * probes; the client audit's bad servers and the connections to them; the report card so far; and
 * where the report was exported. Results arrive from the background on a queue that a timer drains
 * into the lists, never one {@code runLater} per probe or connection.
 */
public final class AuditModel {

    /** Which audit the report card shows. */
    public enum Kind { SERVER, CLIENT }

    private final AppContext context;

    public final StringProperty url = new SimpleStringProperty("https://localhost:8443/");
    public final StringProperty client = new SimpleStringProperty(Workspace.CLIENT);
    public final StringProperty timeoutSeconds = new SimpleStringProperty("10");
    /** Where the client audit's bad servers listen, as the CLI's {@code --bind}: this machine only by default. */
    public final StringProperty bindAddress = new SimpleStringProperty("127.0.0.1");
    private final Map<Probe, BooleanProperty> probes = new EnumMap<>(Probe.class);
    public final StringProperty exportBase = new SimpleStringProperty("");

    private final ObjectProperty<Kind> kind = new SimpleObjectProperty<>(Kind.SERVER);
    private final ObservableList<ProbeResult> results = FXCollections.observableArrayList();
    private final ObjectProperty<AuditReport> report = new SimpleObjectProperty<>();
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final BooleanProperty cancelling = new SimpleBooleanProperty();
    private final IntegerProperty done = new SimpleIntegerProperty();
    private final IntegerProperty total = new SimpleIntegerProperty();
    private final ObjectProperty<List<Path>> exported = new SimpleObjectProperty<>(List.of());

    private final ObjectProperty<ClientAudit> clientAudit = new SimpleObjectProperty<>();
    private final ObservableList<ClientAudit.Endpoint> endpoints = FXCollections.observableArrayList();
    private final ObservableList<ClientConnection> connections = FXCollections.observableArrayList();
    private final ObjectProperty<Map<String, Message>> notStarted = new SimpleObjectProperty<>(Map.of());

    private final ConcurrentLinkedQueue<ProbeResult> arrivedResults = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<ClientConnection> arrivedConnections = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean cancel = new AtomicBoolean();
    private final Timeline drainer;

    public AuditModel(AppContext context) {
        this.context = context;
        for (Probe probe : Probe.values()) {
            probes.put(probe, new SimpleBooleanProperty(true));
        }
        drainer = new Timeline(new KeyFrame(Duration.millis(200), event -> drain()));
        drainer.setCycleCount(Animation.INDEFINITE);
    }

    // ---- the server audit

    /** Runs the server audit in the background; the report card fills as the probes finish. */
    public void runServerAudit(char[] caKeyPassword) {
        Workspace workspace = context.workspace();
        ServerAuditRequest request = new ServerAuditRequest(target(), workspace, client.get(), caKeyPassword,
                selectedProbes(), java.time.Duration.ofSeconds(timeout()));
        int count = request.probes().size();
        if (!java.nio.file.Files.exists(workspace.certificateFile(request.client()))) {
            throw PkiException.of("client", "auditNoIdentity", request.client());
        }
        begin(Kind.SERVER, count);
        AtomicInteger finished = new AtomicInteger();
        context.tasks().run(work -> {
            work.message(context.text("audit.server.running"));
            return ServerAudit.run(request, result -> {
                arrivedResults.add(result);
                int n = finished.incrementAndGet();
                work.update(n, count, context.text("audit.progress", n, count));
            }, cancel::get);
        }, done -> {
            arrivedResults.clear();
            results.setAll(done.results());
            this.done.set(done.results().size());
            report.set(done);
            end();
        }, failure -> {
            drain();
            end();
            context.report(failure);
        });
    }

    /** Stops the server audit after the probe that is running (a probe ends within its timeout). */
    public void cancel() {
        if (running.get()) {
            cancel.set(true);
            cancelling.set(true);
        }
    }

    private URI target() {
        String text = url.get() == null ? "" : url.get().strip();
        try {
            URI uri = new URI(text);
            if ("https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below, the same way as a URL without https
        }
        throw PkiException.of("url", "auditUrl", text);
    }

    private int timeout() {
        try {
            int seconds = Integer.parseInt(timeoutSeconds.get().strip());
            if (seconds >= 1 && seconds <= 600) {
                return seconds;
            }
        } catch (NumberFormatException | NullPointerException e) {
            // reported below
        }
        throw PkiException.of("timeout", "auditTimeout");
    }

    public Set<Probe> selectedProbes() {
        Set<Probe> selected = EnumSet.noneOf(Probe.class);
        probes.forEach((probe, on) -> {
            if (on.get()) {
                selected.add(probe);
            }
        });
        if (selected.isEmpty()) {
            throw PkiException.of("probes", "auditNoProbe");
        }
        return selected;
    }

    public BooleanProperty probeSelected(Probe probe) {
        return probes.get(probe);
    }

    // ---- the client audit

    /** Starts the bad servers in the background; connections show as they come, the report card with them. */
    public void startClientAudit(char[] caKeyPassword) {
        Workspace workspace = context.workspace();
        String bind = bindAddress.get() == null ? "" : bindAddress.get().strip();
        String badBind = context.text("audit.client.bind.bad", bind);
        String badBindFix = context.text("audit.client.bind.fix");
        begin(Kind.CLIENT, 0);
        context.tasks().run(work -> {
            work.message(context.text("audit.client.starting"));
            InetAddress address;
            try {
                address = bind.isEmpty() ? InetAddress.getLoopbackAddress() : InetAddress.getByName(bind);
            } catch (java.net.UnknownHostException e) {
                throw new PkiException("bind", badBind, badBindFix, e);
            }
            try {
                return ClientAudit.start(workspace, caKeyPassword, address, arrivedConnections::add);
            } catch (Exception e) {
                // an address that resolves but is not this machine's: say so, not "Cannot assign requested address"
                if (e instanceof java.net.BindException) {
                    throw new PkiException("bind", badBind, badBindFix, e);
                }
                throw e;
            }
        }, started -> {
            clientAudit.set(started);
            endpoints.setAll(started.endpoints());
            Map<String, Message> failed = new java.util.LinkedHashMap<>();
            started.notStarted().forEach((server, why) -> failed.put(server.id(), why));
            notStarted.set(failed);
            showClientReport(started);
        }, failure -> {
            end();
            context.report(failure);
        });
    }

    /** Stops the bad servers; the report card keeps what the client did. */
    public void stopClientAudit() {
        ClientAudit audit = clientAudit.get();
        if (audit == null) {
            return;
        }
        drain();
        showClientReport(audit);
        clientAudit.set(null);
        endpoints.clear();
        end();
        context.tasks().run(() -> {
            audit.close();
            return null;
        }, ignored -> { });
    }

    private void showClientReport(ClientAudit audit) {
        AuditReport now = audit.report();
        results.setAll(now.results());
        report.set(now);
        total.set(now.results().size());
        done.set((int) now.results().stream().filter(r -> r.status() != ProbeResult.Status.NOT_RUN).count());
    }

    // ---- shared

    private void begin(Kind which, int count) {
        kind.set(which);
        results.clear();
        connections.clear();
        arrivedResults.clear();
        arrivedConnections.clear();
        report.set(null);
        exported.set(List.of());
        cancel.set(false);
        cancelling.set(false);
        done.set(0);
        total.set(count);
        running.set(true);
        drainer.play();
    }

    private void end() {
        drainer.stop();
        running.set(false);
        cancelling.set(false);
    }

    private void drain() {
        List<ProbeResult> batch = new ArrayList<>();
        ProbeResult next;
        while ((next = arrivedResults.poll()) != null) {
            batch.add(next);
        }
        if (!batch.isEmpty()) {
            results.addAll(batch);
            done.set(results.size());
        }
        List<ClientConnection> seen = new ArrayList<>();
        ClientConnection connection;
        while ((connection = arrivedConnections.poll()) != null) {
            seen.add(connection);
        }
        if (!seen.isEmpty()) {
            connections.addAll(seen);
            if (clientAudit.get() != null) {
                showClientReport(clientAudit.get());
            }
        }
    }

    /**
     * Writes the report shown as {@code base.html} and {@code base.json} (the JSON of {@code --json}),
     * atomically, in the background; the HTML is rendered now, in the language on screen.
     */
    /** The two files an export to {@code base} writes: {@code NAME.html} and {@code NAME.json}. */
    public static List<Path> exportTargets(Path base) {
        String name = base.getFileName().toString().replaceFirst("\\.(html|json)$", "");
        return List.of(base.resolveSibling(name + ".html"), base.resolveSibling(name + ".json"));
    }

    public void export(Path base) {
        AuditReport shown = report.get();
        if (shown == null) {
            throw PkiException.of("export", "auditNoReport");
        }
        List<Path> targets = exportTargets(base);
        Path html = targets.get(0);
        Path json = targets.get(1);
        byte[] htmlBytes = AuditReports.html(shown).getBytes(StandardCharsets.UTF_8);
        byte[] jsonBytes = AuditReports.json(shown).getBytes(StandardCharsets.UTF_8);
        context.tasks().run(() -> {
            SecureFiles.write(html, htmlBytes);
            SecureFiles.write(json, jsonBytes);
            return List.of(html, json);
        }, exported::set);
    }

    /** Stops whatever runs (the window closes). */
    public void stopQuietly() {
        cancel.set(true);
        ClientAudit audit = clientAudit.get();
        clientAudit.set(null);
        if (audit != null) {
            audit.close();
        }
    }

    public ObjectProperty<Kind> kindProperty() {
        return kind;
    }

    public ObservableList<ProbeResult> results() {
        return results;
    }

    public ObjectProperty<AuditReport> reportProperty() {
        return report;
    }

    public BooleanProperty runningProperty() {
        return running;
    }

    public BooleanProperty cancellingProperty() {
        return cancelling;
    }

    public IntegerProperty doneProperty() {
        return done;
    }

    public IntegerProperty totalProperty() {
        return total;
    }

    public ObjectProperty<List<Path>> exportedProperty() {
        return exported;
    }

    public ObjectProperty<ClientAudit> clientAuditProperty() {
        return clientAudit;
    }

    public ObservableList<ClientAudit.Endpoint> endpoints() {
        return endpoints;
    }

    public ObservableList<ClientConnection> connections() {
        return connections;
    }

    /** The bad servers that could not start, by id, with why (rendered in the language on screen). */
    public ObjectProperty<Map<String, Message>> notStartedProperty() {
        return notStarted;
    }
}
