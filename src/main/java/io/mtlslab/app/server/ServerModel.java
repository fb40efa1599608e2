package io.mtlslab.app.server;

import io.mtlslab.app.AppContext;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The echo server the app runs (at most one), its settings and its drained connection log. */
public final class ServerModel {

    private final AppContext context;
    private final StringProperty statusText = new SimpleStringProperty("");

    public ServerModel(AppContext context) {
        this.context = context;
        statusText.set(context.text("server.status.stopped"));
    }

    public StringProperty statusTextProperty() {
        return statusText;
    }

    public void stopQuietly() {
    }
}
