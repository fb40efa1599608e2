package io.mtlslab.app.call;

import java.time.Duration;
import javafx.scene.control.Label;

/** The small pieces of wording the test call's views share. */
final class CallViews {

    private CallViews() {
    }

    /** A value, or "—" when there is none. */
    static String orDash(String value) {
        return value == null || value.isBlank() ? "—" : value;
    }

    static String millis(Duration duration) {
        return duration == null ? "—" : duration.toMillis() + " ms";
    }

    /** A label whose text wraps at the width it is given. */
    static Label wrapped(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        return label;
    }
}
