package io.mtlslab.app;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/** The JavaFX application: the window titled "mTLS Lab". */
public class MtlsLabApp extends Application {

    public static void launchApp(String[] args) {
        Application.launch(MtlsLabApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        Label welcome = new Label("mTLS Lab");
        welcome.setId("welcomeTitle");
        stage.setScene(new Scene(new StackPane(welcome), 960, 640));
        stage.setTitle("mTLS Lab");
        stage.show();
    }
}
