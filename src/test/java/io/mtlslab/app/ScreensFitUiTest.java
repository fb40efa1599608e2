package io.mtlslab.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtlslab.app.audit.AuditModel;
import io.mtlslab.app.common.I18n;
import io.mtlslab.app.inspect.InspectModel;
import io.mtlslab.audit.Probe;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Control;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 10 §3: every screen fits from 1024×700 to 1920×1080, at the smallest and largest font step
 * and in presenter mode, in English and in Portuguese. Fails when a button, label, option or column
 * header shows its text cut with an ellipsis (read from the skin's displayed text, not the property),
 * when a control lies outside the window where nothing can scroll to it, when a screen (or a pane
 * in it) is wider than its view and needs sideways scrolling, or when the status bar is pushed out or
 * covered. An identity is selected, so that its details are checked too.
 *
 * <p>One app start per language; sizes and looks change in place, as a user changes them.
 */
class ScreensFitUiTest extends SeededAppUnderTest {

    /** Width, height and looks: font step 0 (A−) or 4 (A+), or presenter mode. */
    private record Look(int width, int height, int fontStep, boolean presenter) {
        @Override
        public String toString() {
            return width + "×" + height + (presenter ? " presenter" : " font-" + fontStep);
        }
    }

    private static final List<Look> LOOKS = List.of(
            new Look(1024, 700, 0, false), new Look(1024, 700, 4, false), new Look(1024, 700, 1, true),
            new Look(1920, 1080, 0, false), new Look(1920, 1080, 4, false), new Look(1920, 1080, 1, true));

    private static final List<String> SCREENS = List.of("welcome", "wizard", "identities", "server", "call",
            "scenarios", "inspect", "workshop", "audit");

    /**
     * A folder to save every screen at every look to ({@code -Dmtlslab.fitPictures=DIR}), for a person to
     * look at them; off by default.
     */
    private static final String PICTURES = System.getProperty("mtlslab.fitPictures");

    @Start
    void start(Stage stage) {
        launch(stage);
    }

    @Test
    void everyScreenFitsInEnglish(FxRobot robot) {
        assertThat(problemsOnEveryScreen(robot)).isEmpty();
    }

    @Test
    void everyScreenFitsInPortuguese(FxRobot robot) {
        robot.interact(() -> driver.context().switchLanguage(I18n.PT_BR));
        driver.waitIdle(10);
        assertThat(problemsOnEveryScreen(robot)).isEmpty();
    }

    /** Fills the screens the way a class would (an unsafe server, a bypass call, a file inspected), then looks. */
    private List<String> problemsOnEveryScreen(FxRobot robot) {
        fillTheScreens(robot);
        List<String> problems = new ArrayList<>();
        for (Look look : LOOKS) {
            robot.interact(() -> {
                stage.setX(0);
                stage.setY(0);
                stage.setWidth(look.width());
                stage.setHeight(look.height());
                driver.context().fontStepProperty().set(look.fontStep());
                driver.context().presenterProperty().set(look.presenter());
            });
            WaitForAsyncUtils.waitForFxEvents();
            Scene scene = stage.getScene();
            assertThat(scene.getWidth()).as("window width for " + look).isEqualTo(look.width(), org.assertj.core.data.Offset.offset(2.0));
            assertThat(scene.getHeight()).as("window height for " + look).isEqualTo(look.height(), org.assertj.core.data.Offset.offset(40.0));
            for (String screen : SCREENS) {
                robot.interact(() -> driver.context().navigate(screen));
                WaitForAsyncUtils.waitForFxEvents();
                robot.interact(() -> {
                    scene.getRoot().applyCss();
                    scene.getRoot().layout();
                });
                WaitForAsyncUtils.waitForFxEvents();
                robot.interact(() -> problems.addAll(problemsIn(scene, screen + " at " + look)));
                if (screen.equals("identities")) {
                    robot.interact(() -> problems.addAll(identityRowsShown(scene, screen + " at " + look)));
                }
                if (PICTURES != null) {
                    Snapshots.save(robot, scene, java.nio.file.Path.of(PICTURES).resolve(driver.context().i18n().locale().toLanguageTag()
                            + "-" + screen + "-" + look.toString().replace("×", "x").replace(' ', '-') + ".png"));
                }
            }
        }
        robot.interact(() -> {
            driver.context().fontStepProperty().set(1);
            driver.context().presenterProperty().set(false);
        });
        return problems;
    }

    private void fillTheScreens(FxRobot robot) {
        robot.clickOn("#navServer");
        robot.clickOn("#modeOptional");
        robot.clickOn("#handlerChecks");
        robot.clickOn("#trustSystem");
        UiText.retype(robot, "#port", "0");
        robot.clickOn("#startButton");
        driver.waitIdle(30);
        robot.clickOn("#modeRequired");
        robot.clickOn("#navCall");
        robot.interact(() -> robot.lookup("#identity").queryComboBox().setValue(""));
        robot.clickOn("#callButton");
        driver.waitUntil(() -> !UiText.shown(robot, "#outcomeTitle").isEmpty(), 30);
        driver.waitIdle(30);
        // the load test open with a small run's figures and chart (issue 11 §2)
        robot.clickOn("#loadToggle");
        UiText.retype(robot, "#loadAmount", "5");
        robot.clickOn("#loadButton");
        driver.waitUntil(() -> !UiText.shown(robot, "#loadHeadline").isEmpty(), 60);
        driver.waitIdle(30);
        robot.interact(() -> driver.context().model(InspectModel.class, InspectModel::new)
                .open(driver.workspaceDir().resolve("client.pem")));
        driver.waitIdle(30);
        // an audit of the echo server with a finding selected: the report card and its fixes per server kind
        AuditModel audit = driver.context().model(AuditModel.class, () -> new AuditModel(driver.context()));
        robot.clickOn("#navAudit");
        robot.clickOn("#useEchoServerButton");
        robot.interact(() -> {
            for (Probe probe : Probe.values()) {
                audit.probeSelected(probe).set(probe == Probe.ASKS_FOR_CERTIFICATE || probe == Probe.NO_CLIENT_CERTIFICATE
                        || probe == Probe.EXPIRED || probe == Probe.UNTRUSTED_CA);
            }
        });
        robot.clickOn("#runAuditButton");
        driver.waitUntil(() -> !audit.runningProperty().get(), 60);
        driver.waitIdle(30);
        robot.interact(() -> {
            var results = audit.results();
            int finding = 0;
            for (int i = 0; i < results.size(); i++) {
                if (results.get(i).status() == io.mtlslab.audit.ProbeResult.Status.FINDING) {
                    finding = i;
                    break;
                }
            }
            robot.lookup("#findingTable").queryTableView().getSelectionModel().select(finding);
        });
        driver.waitIdle(10);
        // An identity's details, with their longest labels, in the narrow half of the identities screen.
        robot.clickOn("#navIdentities");
        robot.interact(() -> robot.lookup("#identityList").queryAs(javafx.scene.control.TableView.class)
                .getSelectionModel().select(2));
        driver.waitIdle(30);
    }

    /** The identity list keeps room for three rows at any look: the page scrolls, the list does not shrink to one. */
    private static List<String> identityRowsShown(Scene scene, String where) {
        javafx.scene.control.TableView<?> table = (javafx.scene.control.TableView<?>) scene.lookup("#identityList");
        Node header = table.lookup(".column-header-background");
        Node row = table.lookup(".table-row-cell");
        double rows = (table.getHeight() - (header == null ? 0 : header.getLayoutBounds().getHeight()))
                / (row == null ? 1 : row.getLayoutBounds().getHeight());
        List<String> problems = new ArrayList<>();
        if (rows < 3) {
            problems.add(where + ": the identity list shows only " + String.format("%.1f", rows) + " rows");
        }
        // Today's status (valid, expiring, revoked) is what the list is for: it stays in view, never past the edge.
        Bounds view = table.localToScene(table.getLayoutBounds());
        for (Node badge : table.lookupAll(".badge")) {
            Bounds shown = badge.localToScene(badge.getLayoutBounds());
            if (badge.isVisible() && shown.getWidth() > 0 && shown.getMaxX() > view.getMaxX() + 1) {
                problems.add(where + ": an identity's status is past the list's right edge, at x " + (int) shown.getMinX()
                        + " of " + (int) view.getMaxX());
                break;
            }
        }
        return problems;
    }

    /** What is wrong on the scene as shown: cut texts, controls out of reach, a hidden status bar. */
    static List<String> problemsIn(Scene scene, String where) {
        List<String> problems = new ArrayList<>();
        walk(scene.getRoot(), scene, where, false, problems);
        Node statusBar = scene.lookup(".status-bar");
        Node center = scene.lookup("#centerBox");
        if (statusBar == null || !statusBar.isVisible()) {
            problems.add(where + ": no status bar");
        } else {
            Bounds bar = statusBar.localToScene(statusBar.getLayoutBounds());
            if (bar.getMaxY() > scene.getHeight() + 1 || bar.getHeight() < 5) {
                problems.add(where + ": the status bar is outside the window (" + bar + ")");
            }
            Bounds middle = center.localToScene(center.getLayoutBounds());
            if (middle.getMaxY() > bar.getMinY() + 1) {
                problems.add(where + ": the screen covers the status bar (screen ends at " + middle.getMaxY()
                        + ", status bar starts at " + bar.getMinY() + ")");
            }
        }
        return problems;
    }

    private static void walk(Node node, Scene scene, String where, boolean scrollable, List<String> problems) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof IndexedCell<?> && !(node.getParent() instanceof ComboBoxBase<?>)
                && ancestor(node, ComboBoxBase.class) == null) {
            return; // table and list cells: readable through their tooltip and copy, not checked here
        }
        if (node instanceof Labeled labeled) {
            String cut = cutText(labeled);
            boolean wholeOnHover = labeled.getTooltip() != null && labeled.getTooltip().getText().equals(labeled.getText());
            if (cut != null && !wholeOnHover) { // cut on purpose and whole on hover: the status bar's workspace path
                problems.add(where + ": text cut to \"" + cut + "\" in " + describe(labeled));
            }
            String broken = brokenWord(labeled);
            if (broken != null) {
                problems.add(where + ": the word \"" + broken + "\" breaks across lines in " + describe(labeled));
            }
        }
        if (node instanceof Control && node.getParent() instanceof javafx.scene.layout.Pane pane
                && !(node.getParent() instanceof javafx.scene.control.skin.TableHeaderRow)
                && ancestor(node, javafx.scene.control.skin.TableHeaderRow.class) == null) {
            Bounds own = node.localToScene(node.getLayoutBounds());
            Bounds box = pane.localToScene(pane.getLayoutBounds());
            if (own.getWidth() > 0 && box.getWidth() > 0 && own.getMaxX() > box.getMaxX() + 1) {
                problems.add(where + ": sticks out of its container by " + (int) (own.getMaxX() - box.getMaxX())
                        + " px (clipped, no ellipsis): " + describe(node));
            }
        }
        if (node instanceof TextField field && field.getWidth() > 0 && field.getPromptText() != null
                && !field.getPromptText().isEmpty() && (field.getText() == null || field.getText().isEmpty())) {
            // An empty field's hint is all it says; TextField clips it without an ellipsis.
            Text probe = new Text(field.getPromptText());
            probe.setFont(field.getFont());
            double room = field.getWidth() - field.getInsets().getLeft() - field.getInsets().getRight();
            if (probe.getLayoutBounds().getWidth() > room + 1) {
                problems.add(where + ": the hint \"" + field.getPromptText() + "\" is cut, "
                        + (int) probe.getLayoutBounds().getWidth() + " px in " + (int) room + " px: " + describe(field));
            }
        }
        if (node instanceof Control) {
            String clipped = clippedAtTheRight(node);
            if (clipped != null) {
                problems.add(where + ": " + clipped);
            }
        }
        if (node instanceof Control && !scrollable) {
            Bounds bounds = node.localToScene(node.getLayoutBounds());
            if (bounds.getWidth() > 0 && (bounds.getMinX() < -1 || bounds.getMinY() < -1
                    || bounds.getMaxX() > scene.getWidth() + 1 || bounds.getMaxY() > scene.getHeight() + 1)) {
                problems.add(where + ": outside the window, at " + (int) bounds.getMinX() + "," + (int) bounds.getMinY()
                        + " to " + (int) bounds.getMaxX() + "," + (int) bounds.getMaxY() + ": " + describe(node));
            }
        }
        if (node instanceof TableView<?> table) {
            String hidden = columnsOutOfReach(table);
            if (hidden != null) {
                problems.add(where + ": " + hidden);
            }
        }
        if (node instanceof ScrollPane scroll && scroll.getContent() != null) {
            double content = scroll.getContent().getLayoutBounds().getWidth();
            double viewport = scroll.getViewportBounds().getWidth();
            if (viewport > 0 && content > viewport + 1) {
                problems.add(where + ": needs sideways scrolling, " + (int) content + " px wide in a " + (int) viewport
                        + " px view: " + describe(scroll) + whyTooWide(scroll.getContent()));
            }
        }
        if (node instanceof Parent parent) {
            boolean inside = scrollable || node instanceof ScrollPane || node instanceof VirtualFlow<?>;
            for (Node child : parent.getChildrenUnmodifiable()) {
                walk(child, scene, where, inside, problems);
            }
        }
    }

    /**
     * Columns past a table's right edge with no sideways scroll bar to reach them (the identities list at
     * 1024×700 once showed "Val" and no Key or Subject column at all); else null.
     */
    static String columnsOutOfReach(TableView<?> table) {
        double columns = table.getVisibleLeafColumns().stream().mapToDouble(TableColumn::getWidth).sum();
        double room = table.getWidth() - table.getInsets().getLeft() - table.getInsets().getRight();
        for (Node bar : table.lookupAll(".scroll-bar")) {
            if (bar instanceof ScrollBar scroll && scroll.getOrientation() == Orientation.VERTICAL && scroll.isVisible()) {
                room -= scroll.getWidth();
            }
        }
        if (table.getWidth() <= 0 || columns <= room + 1 || table.getItems().isEmpty()) {
            return null; // an empty table shows its placeholder and no scroll bar: there is nothing to reach yet
        }
        for (Node bar : table.lookupAll(".scroll-bar")) {
            if (bar instanceof ScrollBar scroll && scroll.getOrientation() == Orientation.HORIZONTAL && scroll.isVisible()) {
                return null;
            }
        }
        return "columns " + (int) columns + " px wide in a " + (int) room + " px table with no sideways scroll bar: "
                + describe(table);
    }

    /**
     * A control whose right part an ancestor's clip hides (a tab's content wider than its tab pane, a page
     * wider than its view): the user sees a cut word or half a field and no way to scroll to the rest.
     * Tables and lists, which scroll sideways on their own, are left out, and so are tab headers: past
     * the pane's width JavaFX lists the tabs in its overflow menu.
     */
    private static String clippedAtTheRight(Node node) {
        if (ancestor(node, VirtualFlow.class) != null
                || ancestor(node, javafx.scene.control.skin.TableHeaderRow.class) != null
                || ancestor(node, p -> p.getStyleClass().contains("tab-header-area")) != null) {
            return null;
        }
        Bounds own = node.localToScene(node.getLayoutBounds());
        if (own.getWidth() <= 0) {
            return null;
        }
        for (Parent p = node.getParent(); p != null; p = p.getParent()) {
            Node clip = p.getClip();
            if (clip != null) {
                Bounds shown = p.localToScene(clip.getBoundsInParent());
                if (shown.getWidth() > 0 && own.getMinX() < shown.getMaxX() && own.getMaxX() > shown.getMaxX() + 1) {
                    return "cut off at the right by " + (int) (own.getMaxX() - shown.getMaxX()) + " px (inside "
                            + describe(p) + "): " + describe(node);
                }
            }
        }
        return null;
    }

    /**
     * The first word that a wrapping label is too narrow to hold on one line, so it shows in pieces
     * ("S / uj / ei / to", "Revo / gue,"); else null. Only words of letters count: paths, DNs and
     * fingerprints in values may break where they must.
     */
    static String brokenWord(Labeled labeled) {
        if (!labeled.isWrapText() || labeled.getWidth() <= 0 || labeled.getText() == null
                || labeled.getStyleClass().contains("code")) {
            // Code (a fix's "tls.RequireAndVerifyClientCert") may break rather than scroll sideways.
            return null;
        }
        double room = labeled.getWidth() - labeled.getInsets().getLeft() - labeled.getInsets().getRight();
        if (labeled.getGraphic() != null && labeled.getGraphic().isManaged()) {
            room -= labeled.getGraphic().getLayoutBounds().getWidth() + labeled.getGraphicTextGap();
        }
        Text probe = new Text();
        probe.setFont(labeled.getFont());
        for (String word : labeled.getText().split("\\s+")) {
            if (!word.matches("[\\p{L}\\p{M}'’-]+[,.;:!?)]*")) {
                continue;
            }
            probe.setText(word);
            if (probe.getLayoutBounds().getWidth() > room + 1) {
                return word;
            }
        }
        return null;
    }

    /** The text the skin shows when it is shorter than the control's own text and ends in the ellipsis; else null. */
    static String cutText(Labeled labeled) {
        String full = labeled.getText();
        if (full == null || full.isEmpty()) {
            return null;
        }
        String ellipsis = labeled.getEllipsisString();
        if (ellipsis == null || ellipsis.isEmpty()) {
            return null;
        }
        for (Node child : labeled.getChildrenUnmodifiable()) {
            if (child instanceof Text shown && shown.isVisible()) {
                String text = shown.getText() == null ? "" : shown.getText();
                if (text.contains(ellipsis) && !full.contains(ellipsis)) {
                    return text;
                }
            }
        }
        return null;
    }

    /** Why the content cannot be as narrow as the view: the chain of nodes whose minimum width is too large. */
    private static String whyTooWide(Node content) {
        List<String> chain = new ArrayList<>();
        Node node = content;
        while (node != null && chain.size() < 12) {
            chain.add(describe(node) + " min " + (int) node.minWidth(-1));
            Node next = null;
            if (node instanceof Parent parent && !(node instanceof Control)) {
                double most = 0;
                for (Node child : parent.getChildrenUnmodifiable()) {
                    if (child.isManaged() && child.isVisible() && child.minWidth(-1) > most) {
                        most = child.minWidth(-1);
                        next = child;
                    }
                }
            }
            node = next;
        }
        return " (why: " + String.join(" > ", chain) + ")";
    }

    private static String describe(Node node) {
        String text = node instanceof Labeled l && l.getText() != null ? " \"" + l.getText() + "\"" : "";
        return node.getClass().getSimpleName() + (node.getId() == null ? "" : "#" + node.getId()) + text;
    }

    private static Node ancestor(Node node, Class<?> type) {
        return ancestor(node, type::isInstance);
    }

    private static Node ancestor(Node node, java.util.function.Predicate<Parent> wanted) {
        for (Parent p = node.getParent(); p != null; p = p.getParent()) {
            if (wanted.test(p)) {
                return p;
            }
        }
        return null;
    }
}
