package io.mtlslab.app.inspect;

import java.nio.file.Path;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/** The file the inspect screen shows; set by "Open file", drag and drop, or the identities list. */
public final class InspectModel {

    private final ObjectProperty<Path> file = new SimpleObjectProperty<>();

    public ObjectProperty<Path> fileProperty() {
        return file;
    }

    /** Asks the inspect screen to (re)read {@code path}, even when it is the same file again. */
    public void open(Path path) {
        file.set(null);
        file.set(path);
    }
}
