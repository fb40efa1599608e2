package io.mtlslab.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtlslab.app.audit.AuditModel;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * Renders the real screens to PNG: the README's pictures, into the folder given by
 * {@code -Dmtlslab.screenshots} ({@code mvn test -Dtest=ScreenshotsTest -Dmtlslab.screenshots=src/site}).
 * Without that property it does not run: it takes a good 20 s and is not a check of behaviour.
 */
@EnabledIfSystemProperty(named = "mtlslab.screenshots", matches = ".+",
        disabledReason = "renders the README screenshots only when asked: -Dmtlslab.screenshots=src/site")
class ScreenshotsTest extends AppUnderTest {

    @Start
    void start(Stage stage) {
        launch(stage);
    }

    @Test
    void rendersTheMainScreens(FxRobot robot) throws IOException {
        Path out = Path.of(System.getProperty("mtlslab.screenshots"));
        List<String> written = new ArrayList<>();
        Snapshots.save(robot, stage.getScene(), out.resolve("welcome.png"));

        robot.clickOn("#navWizard");
        UiText.choose(robot, "#caKey", "EC P-256 (recommended)");
        robot.clickOn("#nextButton");
        driver.waitIdle(30);
        UiText.retype(robot, "#serverSans", "dns:localhost, ip:127.0.0.300");
        driver.waitIdle(10);
        Snapshots.save(robot, stage.getScene(), out.resolve("wizard.png"));
        UiText.retype(robot, "#serverSans", "dns:localhost, ip:127.0.0.1, ip:::1");

        robot.clickOn("#navWelcome");
        robot.clickOn("#quickStartButton");
        driver.waitUntil(() -> !UiText.shown(robot, "#outcomeTitle").isEmpty(), 60);
        driver.waitIdle(30);
        Snapshots.save(robot, stage.getScene(), out.resolve("test-call.png"));
        robot.clickOn("#presenterButton");
        driver.waitIdle(5);
        Snapshots.save(robot, stage.getScene(), out.resolve("test-call-presenter.png"));
        robot.clickOn("#presenterButton");

        robot.clickOn("#themeButton");
        robot.clickOn("#navIdentities");
        driver.waitIdle(10);
        robot.clickOn(robot.lookup("#identityList .table-cell").match(n -> n instanceof javafx.scene.control.Labeled l
                && "client".equals(l.getText())).queryAs(javafx.scene.Node.class));
        driver.waitIdle(10);
        Snapshots.save(robot, stage.getScene(), out.resolve("identities-dark.png"));
        robot.clickOn("#themeButton");

        robot.clickOn("#navServer");
        driver.waitIdle(10);
        Snapshots.save(robot, stage.getScene(), out.resolve("echo-server.png"));

        if (robot.lookup("#navScenarios").tryQuery().isPresent()) {
            robot.clickOn("#navScenarios");
            if (robot.lookup("#runScenariosButton").tryQuery().isPresent()) {
                robot.clickOn("#runScenariosButton");
                driver.waitUntil(() -> !driver.context().tasks().isBusy(), 120);
                driver.waitIdle(60);
            }
            Snapshots.save(robot, stage.getScene(), out.resolve("scenario-matrix.png"));
            written.add("scenario-matrix.png");
        }
        // the seed's pitfall 001 as a student sees it: optional certificates, a handler that does not check
        robot.clickOn("#navServer");
        robot.clickOn("#modeOptional");
        robot.clickOn("#handlerChecks");
        robot.clickOn("#startButton");
        driver.waitIdle(30);
        robot.clickOn("#navCall");
        UiText.choose(robot, "#identity", "(no client certificate)");
        robot.clickOn("#callButton");
        driver.waitUntil(() -> UiText.shown(robot, "#outcomeTitle").startsWith("Likely authentication bypass"), 60);
        driver.waitIdle(30);
        robot.interact(() -> {
            for (javafx.scene.Node node = robot.lookup("#outcomeBox").query(); node != null; node = node.getParent()) {
                if (node instanceof javafx.scene.control.ScrollPane pane) {
                    pane.setVvalue(0);
                }
            }
        });
        driver.waitIdle(5);
        Snapshots.save(robot, stage.getScene(), out.resolve("test-call-bypass.png"));
        // the same screen for a class in Brazil: the outcome, the diagnosis and the fixes re-rendered in Portuguese
        robot.clickOn("#languageButton");
        driver.waitUntil(() -> UiText.shown(robot, "#outcomeTitle").contains("desvio de autenticação"), 30);
        driver.waitIdle(10);
        Snapshots.save(robot, stage.getScene(), out.resolve("test-call-bypass-pt-BR.png"));
        robot.clickOn("#languageButton");
        driver.waitIdle(10);

        // the server audit of that same echo server: the bypass as a CRITICAL finding, with its fixes
        AuditModel audit = driver.context().model(AuditModel.class, () -> new AuditModel(driver.context()));
        robot.clickOn("#navAudit");
        robot.clickOn("#useEchoServerButton");
        robot.clickOn("#runAuditButton");
        driver.waitUntil(() -> !audit.runningProperty().get(), 180);
        driver.waitIdle(30);
        // the report card with the bypass selected: its evidence and the fix per server kind
        robot.interact(() -> {
            var results = audit.results();
            for (int i = 0; i < results.size(); i++) {
                if (results.get(i).severity() == io.mtlslab.audit.Severity.CRITICAL) {
                    robot.lookup("#findingTable").queryTableView().getSelectionModel().select(i);
                    break;
                }
            }
        });
        driver.waitIdle(10);
        Snapshots.save(robot, stage.getScene(), out.resolve("audit.png"));

        written.addAll(List.of("welcome.png", "wizard.png", "test-call.png", "test-call-presenter.png",
                "identities-dark.png", "echo-server.png", "test-call-bypass.png", "test-call-bypass-pt-BR.png", "audit.png"));
        int width = (int) Math.round(stage.getScene().getWidth());
        int height = (int) Math.round(stage.getScene().getHeight());
        for (String name : written) {
            Path file = out.resolve(name);
            assertThat(file).as(name).isRegularFile().isNotEmptyFile();
            BufferedImage image = ImageIO.read(file.toFile());
            assertThat(image).as(name + " is a readable image").isNotNull();
            assertThat(image.getWidth()).as(name + " width").isEqualTo(width);
            assertThat(image.getHeight()).as(name + " height").isEqualTo(height);
            assertThat(distinctColours(image)).as(name + " shows more than a blank window").isGreaterThan(16);
        }
    }

    private static int distinctColours(BufferedImage image) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 4) {
            for (int x = 0; x < image.getWidth(); x += 4) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours.size();
    }
}
