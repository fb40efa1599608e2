package io.mtlslab.app;

import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import org.testfx.api.FxRobot;

/** What a user reads on a labelled control: its text without the mnemonic underscore. */
final class UiText {

    private UiText() {
    }

    static String of(FxRobot robot, String query) {
        Labeled labeled = robot.lookup(query).queryLabeled();
        return labeled.getText().replace("_", "");
    }

    /** The text of a visible labelled control, or "" when there is none (yet). */
    static String shown(FxRobot robot, String query) {
        return robot.lookup(query).tryQuery().filter(node -> node.isVisible() && node instanceof Labeled)
                .map(node -> ((Labeled) node).getText()).map(text -> text == null ? "" : text.replace("_", ""))
                .orElse("");
    }

    /** Replaces a field's text the way a user does: click, go to the end, erase, type. */
    static void retype(FxRobot robot, String query, String text) {
        TextInputControl field = robot.lookup(query).queryAs(TextInputControl.class);
        robot.clickOn(field);
        robot.push(KeyCode.END);
        robot.eraseText(field.getText().length());
        if (!text.isEmpty()) {
            robot.write(text);
        }
    }

    /** Picks an entry of a drop-down by its shown text. */
    static void choose(FxRobot robot, String comboQuery, String entry) {
        robot.clickOn(comboQuery);
        robot.clickOn(robot.lookup(".list-cell").match(node -> node instanceof Labeled l && entry.equals(l.getText()))
                .queryAs(javafx.scene.Node.class));
    }
}
