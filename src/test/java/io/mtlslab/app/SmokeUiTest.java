package io.mtlslab.app;

import static org.testfx.api.FxAssert.verifyThat;

import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.matcher.control.LabeledMatchers;

@ExtendWith(ApplicationExtension.class)
class SmokeUiTest {

    @Start
    void start(Stage stage) {
        new MtlsLabApp().start(stage);
    }

    @Test
    void firstWindowShowsTheProductName() {
        verifyThat("#welcomeTitle", LabeledMatchers.hasText("mTLS Lab"));
    }
}
