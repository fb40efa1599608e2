package io.mtlslab.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtlslab.pki.CertificateSpec;
import io.mtlslab.pki.Role;
import io.mtlslab.pki.SubjectName;
import io.mtlslab.pki.Workspace;
import io.mtlslab.testing.TestPki;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.ProgressBar;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The workshop screen (P8–P10) and the HMAC switches (S6), driven as an instructor would. */
@ExtendWith(ApplicationExtension.class)
class WorkshopUiTest {

    @TempDir
    static Path dir;

    AppDriver driver;

    @BeforeAll
    static void seed() {
        Workspace workspace = TestPki.seedWorkspace(dir.resolve("workspace"));
        // A client of its own for the revocation, so that the other tests keep a valid "client".
        workspace.issue("eve", CertificateSpec.builder(Role.CLIENT).subject(SubjectName.seed("ALUNOS", "Eve")).build(),
                Workspace.CA, false, null, null);
        workspace.issue("frank", CertificateSpec.builder(Role.CLIENT).subject(SubjectName.seed("ALUNOS", "Frank")).build(),
                Workspace.CA, false, null, null);
    }

    @Start
    void start(Stage stage) {
        driver = AppDriver.start(stage, dir);
    }

    @BeforeEach
    void ready() {
        driver.awaitReady();
    }

    @AfterEach
    void stop(FxRobot robot) {
        driver.stop(robot);
    }

    private static void openTab(FxRobot robot, String title) {
        robot.clickOn(robot.lookup(".tab-label").match(n -> n instanceof Labeled l && title.equals(l.getText()))
                .queryAs(Node.class));
    }

    /** Replaces a field's whole text as a user does with select-all and typing (faster than erasing a long path). */
    private static void replaceText(FxRobot robot, String query, String text) {
        robot.clickOn(query);
        robot.push(javafx.scene.input.KeyCode.SHORTCUT, javafx.scene.input.KeyCode.A);
        robot.write(text);
        assertThat(robot.lookup(query).queryTextInputControl().getText()).isEqualTo(text);
    }

    /** The texts shown in the cells of a list or table, empty cells left out. */
    private static List<String> cells(FxRobot robot, String query) {
        return java.util.stream.Stream.concat(robot.lookup(query + " .list-cell").queryAllAs(Labeled.class).stream(),
                        robot.lookup(query + " .table-cell").queryAllAs(Labeled.class).stream())
                .map(Labeled::getText).filter(text -> text != null && !text.isBlank()).toList();
    }

    @Test
    void revokingAClientShowsItRevokedAndPublishesTheCrl(FxRobot robot) {
        robot.clickOn("#navWorkshop");
        UiText.choose(robot, "#identityChoice", "eve");
        UiText.choose(robot, "#reason", "Key compromise");
        robot.clickOn("#revokeButton");
        driver.waitIdle(5);
        // Issue 10 §5: revoking asks first, with the reason in words; "Cancel" revokes nothing.
        assertThat(UiText.shown(robot, "#revokeConfirmText")).startsWith("Revoke eve with the reason \"Key compromise\"?")
                .contains("cannot be undone");
        robot.clickOn("#revokeConfirmNo");
        driver.waitIdle(5);
        assertThat(UiText.shown(robot, "#revokeConfirmText")).isEmpty();
        assertThat(driver.context().workspace().identity("eve").orElseThrow().revoked()).isFalse();
        robot.clickOn("#revokeButton");
        robot.clickOn("#revokeConfirmYes");
        driver.waitIdle(20);

        assertThat(UiText.shown(robot, "#identityResult")).startsWith("Revoked eve (Key compromise)");
        assertThat(driver.context().workspace().identity("eve").orElseThrow().revoked()).isTrue();
        assertThat(driver.workspaceDir().resolve("crl.pem")).isRegularFile();

        // The hand-out folder defaults to bundles/ in the workspace.
        Path handout = driver.workspaceDir().resolve("bundles");
        assertThat(robot.lookup("#bundleFolder").queryTextInputControl().getText()).isEqualTo(handout.toString());
        robot.clickOn("#exportCrlButton");
        driver.waitIdle(20);
        assertThat(UiText.shown(robot, "#identityResult")).isEqualTo("Written: " + handout.resolve("crl.pem"));
        assertThat(handout.resolve("crl.pem")).content().startsWith("-----BEGIN X509 CRL-----");

        // Issue 10 §5: no bundle hands out a revoked certificate.
        openTab(robot, "Student bundles");
        robot.clickOn("#bundleButton");
        driver.waitIdle(10);
        assertThat(UiText.shown(robot, "#bundleResult")).startsWith("eve is revoked");
        assertThat(handout.resolve("eve-bundle.zip")).doesNotExist();

        robot.clickOn("#navIdentities");
        Labeled badge = robot.lookup("#identityList .status-revoked").queryAs(Labeled.class);
        assertThat(badge.getText()).isEqualTo("revoked");
        assertThat(robot.lookup("#identityList .status-revoked").queryAll()).hasSize(1);

        // Issue 10 §5: the detail says when and why; §3: a cell's full text is its tooltip.
        Labeled eveCell = robot.lookup("#identityList .table-cell").match(n -> n instanceof Labeled l
                && "eve".equals(l.getText())).queryAs(Labeled.class);
        assertThat(eveCell.getTooltip()).isNotNull();
        assertThat(eveCell.getTooltip().getText()).isEqualTo("eve");
        assertThat(eveCell.getContextMenu().getItems()).extracting(javafx.scene.control.MenuItem::getText).containsExactly("Copy");
        robot.clickOn(eveCell);
        driver.waitIdle(10);
        List<String> detail = robot.lookup("#detailGrid .label").queryAllAs(Labeled.class).stream().map(Labeled::getText).toList();
        assertThat(detail).contains("Revoked");
        assertThat(detail).anySatisfy(text -> assertThat(text).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}, reason: Key compromise"));

        // Issue 10 §5: the call's identity picker marks the revoked identity.
        robot.clickOn("#navCall");
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<String> picker = robot.lookup("#identity").queryAs(javafx.scene.control.ComboBox.class);
        assertThat(picker.getConverter().toString("eve")).isEqualTo("eve (revoked)");
        assertThat(picker.getConverter().toString("client")).isEqualTo("client");
    }

    @Test
    void renewingFromTheIdentitiesListReplacesTheCertificateAndRevokesTheOldOne(FxRobot robot) {
        robot.clickOn("#navIdentities");
        robot.clickOn(robot.lookup("#identityList .table-cell").match(n -> n instanceof Labeled l
                && "frank".equals(l.getText())).queryAs(Node.class));
        driver.waitIdle(10);
        robot.clickOn("#workshopButton");
        assertThat(robot.lookup("#identityChoice").queryComboBox().getValue()).isEqualTo("frank");
        UiText.retype(robot, "#renewDays", "20");
        robot.clickOn("#renewButton");
        driver.waitIdle(30);

        assertThat(UiText.shown(robot, "#identityResult")).startsWith("Renewed frank: serial ")
                .endsWith("; the old certificate is revoked");
        robot.clickOn("#navIdentities");
        // The new certificate ends within 30 days: the list says so, and does not call frank revoked.
        assertThat(robot.lookup("#identityList .status-expiring").queryAllAs(Labeled.class)).singleElement()
                .extracting(Labeled::getText).isEqualTo("expires in < 30 days");
        assertThat(driver.context().workspace().identity("frank").orElseThrow().revoked()).isFalse();
    }

    @Test
    void batchFromACsvWithABadRowIssuesTheGoodOnesAndNamesTheBadLine(FxRobot robot) throws IOException {
        Path csv = dir.resolve("class.csv");
        Files.writeString(csv, """
                name,cn,ou,email
                alice,Alice,ALUNOS,alice@example.com
                bob,Bob,ALUNOS,not-an-email
                carol,Carol,ALUNOS,
                """);
        robot.clickOn("#navWorkshop");
        openTab(robot, "Class from a CSV");
        replaceText(robot, "#csvPath", csv.toString());
        robot.clickOn("#batchButton");
        driver.waitIdle(60);

        assertThat(robot.lookup("#batchProgress").queryAs(ProgressBar.class).getProgress()).isEqualTo(1.0);
        assertThat(UiText.shown(robot, "#batchStatus")).startsWith("2 issued, 1 row skipped; passwords in ");
        assertThat(cells(robot, "#batchIssued")).hasSize(2).anySatisfy(t -> assertThat(t).startsWith("alice — CN=Alice"))
                .anySatisfy(t -> assertThat(t).startsWith("carol — CN=Carol"));
        assertThat(cells(robot, "#batchProblems")).singleElement().asString().startsWith("Line 3: ").contains("email");
        assertThat(driver.workspaceDir().resolve("alice.p12")).isRegularFile();
        Snapshots.save(robot, robot.lookup("#batchButton").query().getScene(),
                Path.of(System.getProperty("mtlslab.screenshots", "target/screenshots")).resolve("workshop-batch.png"));

        robot.clickOn("#navIdentities");
        assertThat(cells(robot, "#identityList")).contains("alice", "carol").doesNotContain("bob");
    }

    @Test
    void exportingABundleWritesAZipWithTheReadme(FxRobot robot) throws IOException {
        Path folder = dir.resolve("handout");  // typed: not the default bundles/ folder
        robot.clickOn("#navWorkshop");
        UiText.choose(robot, "#identityChoice", "client");
        openTab(robot, "Student bundles");
        replaceText(robot, "#bundleFolder", folder.toString());
        assertThat(robot.lookup("#bundleHost").queryTextInputControl().getText()).isEqualTo("localhost");
        // No server runs in this test (and the test config's port is 0): the seed's port 8443.
        assertThat(robot.lookup("#bundlePort").queryTextInputControl().getText()).isEqualTo("8443");
        robot.clickOn("#bundleButton");
        driver.waitIdle(20);

        Path zip = folder.resolve("client-bundle.zip");
        assertThat(UiText.shown(robot, "#bundleResult")).isEqualTo("Written: " + zip);
        // Issue 10 §5: a second bundle over the first asks before replacing it.
        byte[] first = Files.readAllBytes(zip);
        robot.clickOn("#bundleButton");
        driver.waitIdle(10);
        assertThat(UiText.shown(robot, "#bundleConfirmText")).isEqualTo(zip + " already exists. Replace it? The student may already have the old one.");
        robot.clickOn("#bundleConfirmNo");
        driver.waitIdle(10);
        assertThat(Files.readAllBytes(zip)).isEqualTo(first);
        robot.clickOn("#bundleButton");
        robot.clickOn("#bundleConfirmYes");
        driver.waitIdle(20);
        assertThat(UiText.shown(robot, "#bundleResult")).isEqualTo("Written: " + zip);
        assertThat(Files.readAllBytes(zip)).isNotEqualTo(first);
        try (ZipFile file = new ZipFile(zip.toFile())) {
            ZipEntry readme = file.stream().filter(entry -> entry.getName().endsWith("README.md")).findFirst().orElseThrow();
            assertThat(new String(file.getInputStream(readme).readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
                    .contains("https://localhost:8443/");
        }

        robot.clickOn("#bundleAllButton");
        driver.waitIdle(30);
        // One zip per client identity that is not revoked, whatever the other tests issued.
        long clients = driver.context().workspace().identities().stream()
                .filter(e -> e.role() == Role.CLIENT && !e.revoked()).count();
        assertThat(UiText.shown(robot, "#bundleResult")).isEqualTo(clients + " bundles written to " + folder);
        try (var zips = Files.list(folder)) {
            assertThat(zips.filter(p -> p.toString().endsWith("-bundle.zip")).count()).isEqualTo(clients);
        }
    }

    @Test
    void aServerRequiringHmacAcceptsASignedCallAndDiagnosesAnUnsignedOne(FxRobot robot) {
        robot.clickOn("#navServer");
        robot.clickOn("#requireHmac");
        UiText.retype(robot, "#port", "0");
        robot.clickOn("#startButton");
        driver.waitIdle(30);
        assertThat(UiText.shown(robot, "#serverState")).startsWith("Listening on https://localhost:");

        robot.clickOn("#navCall");
        UiText.choose(robot, "#identity", "client");
        robot.clickOn("#signHmac");
        robot.clickOn("#callButton");
        driver.waitIdle(30);
        assertThat(UiText.shown(robot, "#outcomeTitle")).startsWith("Success");

        robot.clickOn("#signHmac");
        robot.clickOn("#callButton");
        driver.waitIdle(30);
        assertThat(UiText.shown(robot, "#outcomeTitle")).isEqualTo("TLS worked, but the application answered 401 Unauthorized");
        assertThat(UiText.shown(robot, "#diagnosisSummary")).contains("HMAC layer refused", "hmac-missing");

        // The server's log says, per request, whether the signature verified.
        robot.clickOn("#navServer");
        driver.waitUntil(() -> cells(robot, "#logTable").stream().anyMatch(t -> t.startsWith("HMAC signature rejected")), 10);
        assertThat(cells(robot, "#logTable")).anySatisfy(t -> assertThat(t).startsWith("HMAC signature verified"))
                .anySatisfy(t -> assertThat(t).startsWith("HMAC signature rejected (hmac-missing)"));
    }
}
