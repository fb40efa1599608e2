package io.mtlslab.app.common;

import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;

/** Puts text on the system clipboard (PEM, fingerprints, equivalent commands). */
public final class Copy {

    private Copy() {
    }

    public static void text(String value) {
        ClipboardContent content = new ClipboardContent();
        content.putString(value == null ? "" : value);
        Clipboard.getSystemClipboard().setContent(content);
    }
}
