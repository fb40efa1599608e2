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
}
