package io.mtlslab.app;

import javafx.scene.control.Labeled;
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
}
