package io.mtlslab.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import io.mtlslab.app.audit.AuditModel;
import io.mtlslab.app.common.I18n;
import io.mtlslab.audit.AuditReport;
import io.mtlslab.audit.AuditReports;
import io.mtlslab.audit.ProbeResult;
import io.mtlslab.audit.Severity;
import io.mtlslab.call.CallRequest;
import io.mtlslab.call.ClientIdentity;
import io.mtlslab.call.TestCall;
import io.mtlslab.pki.Workspace;
import io.mtlslab.server.ClientAuthMode;
import io.mtlslab.server.EchoServer;
import io.mtlslab.server.ServerSettings;
import io.mtlslab.testing.TestPki;
import io.mtlslab.text.Texts;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.layout.GridPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * Issue 12 §4 from the GUI: the server audit finds the authentication bypass of the echo server's
 * careless mode, cancel stops an audit of a server that never answers, the report exports as HTML and
 * JSON, and the client audit lists its bad servers and the connections a real client makes to them.
 */
class AuditUiTest extends AppUnderTest {

    static Workspace workspace;

    @BeforeAll
    static void seed() {
        workspace = TestPki.seedWorkspace(dir.resolve("workspace"));
    }

    @Start
    void start(Stage stage) {
        launch(stage);
    }

    @AfterEach
    void english() {
        Texts.use(Locale.ENGLISH);
    }

    private AuditModel model() {
        return driver.context().model(AuditModel.class, () -> new AuditModel(driver.context()));
    }

    /** Opens the probe menu and clicks one entry, as a user picks probes. */
    private static void pickProbe(FxRobot robot, String text) {
        robot.clickOn("#probesButton");
        robot.clickOn(text);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theServerAuditShowsTheCriticalBypassSurvivesALanguageSwitchAndExportsHtmlAndJson(FxRobot robot) throws Exception {
        try (EchoServer careless = EchoServer.start(workspace, ServerSettings.secure().withPort(0)
                .withClientAuth(ClientAuthMode.OPTIONAL).withCheckIdentityInHandler(false))) {
            robot.clickOn("#navAudit");
            UiText.retype(robot, "#auditUrl", careless.url());
            pickProbe(robot, "Select none");
            pickProbe(robot, "No client certificate (the authentication bypass) · no-client-certificate");
            pickProbe(robot, "A self-signed copy of the valid client · self-signed-copy");
            assertThat(UiText.of(robot, "#probesButton")).isEqualTo("2 of 19 probes");
            robot.clickOn("#runAuditButton");
            driver.waitUntil(() -> !model().runningProperty().get(), 60);
            driver.waitIdle(10);

            TableView<ProbeResult> table = robot.lookup("#findingTable").queryAs(TableView.class);
            assertThat(table.getItems()).extracting(ProbeResult::id).containsExactly("no-client-certificate", "self-signed-copy");
            ProbeResult bypass = table.getItems().get(0);
            assertThat(bypass.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(table.getColumns().get(0).getCellData(0)).isEqualTo("critical");
            // the colour comes from a style class on the row and on the result cell, not from inline styles
            assertThat(robot.lookup(".table-row-cell.finding-critical").queryAll()).hasSize(1);
            assertThat(robot.lookup(".audit-result.finding-critical").queryAll()).isNotEmpty();
            assertThat(robot.lookup(".table-row-cell.passed").queryAll()).hasSize(1);
            assertThat(UiText.shown(robot, "#auditSummary")).startsWith("1 finding (critical) · 1 passed");

            robot.interact(() -> table.getSelectionModel().select(0));
            assertThat(UiText.shown(robot, "#findingText")).contains("What happened: HTTP 200",
                    "Verdict: ", "authentication bypass");
            assertThat(fixes(robot)).contains("nginx", "ssl_verify_client on", "Go", "tls.RequireAndVerifyClientCert",
                    "Java (JSSE, Spring)", "Envoy", "Node.js");

            // a language switch re-renders the screen from its view model: the report stays
            robot.interact(() -> driver.context().switchLanguage(I18n.PT_BR));
            driver.waitIdle(10);
            TableView<ProbeResult> again = robot.lookup("#findingTable").queryAs(TableView.class);
            assertThat(again).isNotSameAs(table);
            assertThat(again.getItems()).extracting(ProbeResult::id).containsExactly("no-client-certificate", "self-signed-copy");
            assertThat(again.getColumns().get(0).getCellData(0)).isEqualTo("crítico");
            assertThat(again.getColumns().get(1).getCellData(0)).isEqualTo("Sem certificado de cliente (o desvio de autenticação)");
            assertThat(UiText.shown(robot, "#auditSummary")).startsWith("1 achado (crítico) · sondas aprovadas: 1");
            // the verdict, what was sent and the fixes re-render too, not only the titles and labels
            assertThat((String) again.getColumns().get(2).getCellData(0)).contains("o desvio de autenticação")
                    .doesNotContain("bypass", "must refuse");
            robot.interact(() -> again.getSelectionModel().select(0));
            assertThat(UiText.shown(robot, "#findingText")).contains("nenhum certificado do cliente",
                    "O servidor atendeu um cliente que deveria recusar").doesNotContain("no client certificate");
            assertThat(fixes(robot)).contains("ou, com optional", "nunca RequestClientCert").doesNotContain("without checking");

            Path base = dir.resolve("exported").resolve("bypass-report");
            Files.createDirectories(base.getParent());
            scrollTo(robot, "#exportPath");
            UiText.retype(robot, "#exportPath", base.toString());
            robot.clickOn("#exportButton");
            driver.waitIdle(10);
            Path html = base.resolveSibling("bypass-report.html");
            Path json = base.resolveSibling("bypass-report.json");
            assertThat(html).exists();
            assertThat(json).exists();
            AuditReport shown = model().reportProperty().get();
            assertThat(Files.readString(json)).isEqualTo(AuditReports.json(shown));
            Map<String, Object> root = JSON.std.mapFrom(Files.readString(json));
            assertThat(root).containsEntry("worst", "CRITICAL").containsEntry("cancelled", false);
            assertThat(Files.readString(html)).contains("lang=\"pt-BR\"", "<tr class=\"finding-critical\">",
                    "crítico", "ssl_verify_client on", "O servidor atendeu um cliente que deveria recusar")
                    .doesNotContain("<script", "must refuse");
            assertThat(root).containsEntry("language", "pt-BR");
            assertThat(UiText.shown(robot, "#exportedText")).contains("bypass-report.html", "bypass-report.json");

            // Exporting again over the same files asks first; keeping them leaves the user's file alone.
            Files.writeString(html, "my own notes");
            robot.clickOn("#exportButton");
            driver.waitIdle(10);
            assertThat(UiText.shown(robot, "#exportConfirmText")).contains("bypass-report.html", "bypass-report.json");
            robot.clickOn("#exportConfirmNo");
            driver.waitIdle(10);
            assertThat(Files.readString(html)).isEqualTo("my own notes");
            robot.clickOn("#exportButton");
            driver.waitIdle(10);
            robot.clickOn("#exportConfirmYes");
            driver.waitIdle(10);
            driver.waitUntil(() -> !"my own notes".equals(read(html)), 10);
            assertThat(Files.readString(html)).contains("<tr class=\"finding-critical\">");
        }
    }

    /** A server that is not there: every probe an error, and the summary says "incomplete", never a green pass. */
    @Test
    void anUnreachableServerIsAnIncompleteAuditNotAPass(FxRobot robot) throws Exception {
        int port;
        try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = closed.getLocalPort();
        }
        robot.clickOn("#navAudit");
        UiText.retype(robot, "#auditUrl", "https://127.0.0.1:" + port + "/");
        pickProbe(robot, "Select none");
        pickProbe(robot, "No client certificate (the authentication bypass) · no-client-certificate");
        robot.clickOn("#runAuditButton");
        driver.waitUntil(() -> !model().runningProperty().get(), 60);
        driver.waitIdle(10);

        assertThat(UiText.shown(robot, "#auditSummary")).startsWith("Incomplete, not a pass: No findings · 0 passed")
                .endsWith("1 errors");
        assertThat(robot.lookup("#auditSummary").queryLabeled().getStyleClass()).contains("incomplete")
                .doesNotContain("passed");
    }

    @Test
    void cancelStopsTheAuditOfAServerThatNeverAnswers(FxRobot robot) throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            robot.clickOn("#navAudit");
            UiText.retype(robot, "#auditUrl", "https://127.0.0.1:" + silent.getLocalPort() + "/");
            UiText.retype(robot, "#auditTimeout", "2");
            robot.clickOn("#runAuditButton");
            driver.waitUntil(() -> model().runningProperty().get(), 10);
            assertThat(UiText.shown(robot, "#auditProgressText")).startsWith("Running probe 1 of 19");
            robot.clickOn("#cancelAuditButton");
            assertThat(UiText.shown(robot, "#auditProgressText")).startsWith("Cancelling after the probe that is running");
            driver.waitUntil(() -> !model().runningProperty().get(), 60);
            driver.waitIdle(10);

            AuditReport report = model().reportProperty().get();
            assertThat(report.cancelled()).isTrue();
            assertThat(report.results()).hasSizeLessThan(19);
            assertThat(UiText.shown(robot, "#auditProgressText")).startsWith("Cancelled after " + report.results().size()
                    + " of 19 probes");
            assertThat(robot.lookup("#runAuditButton").queryButton().isDisabled()).isFalse();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theClientAuditListsItsBadServersAndShowsTheConnectionsOfARealClient(FxRobot robot) {
        robot.clickOn("#navAudit");
        robot.clickOn(robot.lookup(".tab").match(n -> n.lookup(".tab-label") instanceof Labeled l
                && "Client audit".equals(l.getText())).queryAs(Node.class));
        robot.clickOn("#startClientAuditButton");
        driver.waitUntil(() -> model().clientAuditProperty().get() != null, 30);
        driver.waitIdle(10);
        TableView<io.mtlslab.audit.ClientAudit.Endpoint> endpoints = robot.lookup("#endpointTable").queryAs(TableView.class);
        assertThat(endpoints.getItems()).hasSizeGreaterThanOrEqualTo(12);
        String correct = endpoints.getItems().stream().filter(e -> e.server().id().equals("correct")).findFirst()
                .orElseThrow().url();
        String wrongHost = endpoints.getItems().stream().filter(e -> e.server().id().equals("wrong-host")).findFirst()
                .orElseThrow().url();

        for (String url : List.of(correct, wrongHost)) {
            TestCall.run(CallRequest.builder(url).workspace(workspace)
                    .identity(ClientIdentity.fromWorkspace(workspace, "client", null)).readTimeout(Duration.ofSeconds(5))
                    .build());
        }
        driver.waitUntil(() -> robot.lookup("#connectionTable").queryAs(TableView.class).getItems().size() >= 2, 20);
        assertThat(UiText.shown(robot, "#auditProgressText")).startsWith("2 of 13 bad servers called so far");

        robot.clickOn("#stopClientAuditButton");
        driver.waitIdle(10);
        TableView<ProbeResult> table = robot.lookup("#findingTable").queryAs(TableView.class);
        Map<String, ProbeResult> byId = table.getItems().stream()
                .collect(java.util.stream.Collectors.toMap(ProbeResult::id, r -> r));
        assertThat(byId.get("correct").status()).isEqualTo(ProbeResult.Status.PASSED);
        assertThat(byId.get("wrong-host").status()).as("mTLS Lab's own call refuses the wrong host")
                .isEqualTo(ProbeResult.Status.PASSED);
        assertThat(byId.get("expired").status()).isEqualTo(ProbeResult.Status.NOT_RUN);
        assertThat(model().reportProperty().get().kind()).isEqualTo("client");
    }

    /** Scrolls the screen to the bottom, as a user does to reach the export row in a small window. */
    private static void scrollTo(FxRobot robot, String query) {
        Node node = robot.lookup(query).query();
        robot.interact(() -> {
            for (javafx.scene.Parent p = node.getParent(); p != null; p = p.getParent()) {
                if (p instanceof javafx.scene.control.ScrollPane scroll && scroll.getStyleClass().contains("scroll-pane")
                        && scroll.getContent() != null && scroll.getContent().lookup(query) != null) {
                    scroll.setVvalue(scroll.getVmax());
                }
            }
        });
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
    }

    private static String fixes(FxRobot robot) {
        GridPane grid = robot.lookup("#findingFixes").queryAs(GridPane.class);
        StringBuilder text = new StringBuilder();
        for (Node child : grid.getChildren()) {
            if (child instanceof Labeled labeled) {
                text.append(labeled.getText()).append('\n');
            }
        }
        return text.toString();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            return "";
        }
    }
}
