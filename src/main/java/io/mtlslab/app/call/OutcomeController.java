package io.mtlslab.app.call;

import io.mtlslab.app.AppContext;
import io.mtlslab.call.CallResult;
import io.mtlslab.call.HandshakeReport;
import io.mtlslab.diagnose.CallOutcome;
import io.mtlslab.diagnose.Diagnosis;
import java.util.List;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.VBox;

/**
 * The call's outcome banner: red for a refusal or a likely bypass, amber for an answer without proven
 * client authentication, green only for a mutually authenticated call; faded while out of date.
 */
public class OutcomeController {

    private static final PseudoClass STALE = PseudoClass.getPseudoClass("stale");

    private final AppContext context;
    private final CallModel model;

    @FXML private VBox outcomeBox;
    @FXML private Label outcomeTitle;
    @FXML private Label diagnosisSummary;
    @FXML private Label diagnosisCause;
    @FXML private Label diagnosisFix;
    @FXML private TitledPane diagnosisDetails;
    @FXML private TextArea diagnosisRaw;

    public OutcomeController(AppContext context) {
        this.context = context;
        this.model = context.model(CallModel.class, () -> new CallModel(context));
    }

    @FXML
    private void initialize() {
        for (Label label : List.of(diagnosisSummary, diagnosisCause, diagnosisFix)) {
            label.managedProperty().bind(label.textProperty().isNotEmpty());
            label.visibleProperty().bind(label.managedProperty());
        }
        context.viewScope().onChange(model.staleProperty(), (old, now) -> outcomeBox.pseudoClassStateChanged(STALE, now));
        outcomeBox.pseudoClassStateChanged(STALE, model.staleProperty().get());
    }

    /** Shows {@code result}'s outcome, or hides the banner when there is none. */
    void render(CallResult result) {
        outcomeBox.setVisible(result != null);
        outcomeBox.setManaged(result != null);
        if (result != null) {
            renderOutcome(result);
        }
    }

    private void renderOutcome(CallResult result) {
        outcomeBox.getStyleClass().removeAll("outcome-ok", "outcome-warn", "outcome-fail");
        outcomeBox.setId("outcomeBox");
        Diagnosis diagnosis = result.diagnosis();
        HandshakeReport report = result.report();
        if (diagnosis == null) {
            renderAnswered(result, report);
            return;
        }
        outcomeBox.getStyleClass().add("outcome-fail");
        String headlineKey = "diagnosis." + diagnosis.code().name();
        outcomeTitle.setText(context.i18n().has(headlineKey) ? context.text(headlineKey)
                : context.text("call.failed"));
        diagnosisSummary.setText(diagnosis.summary() + "  (" + context.text("call.side." + diagnosis.side().name()) + ")");
        diagnosisCause.setText(diagnosis.cause());
        diagnosisFix.setText(diagnosis.fix().isEmpty() ? "" : context.text("call.fix", diagnosis.fix()));
        StringBuilder raw = new StringBuilder();
        raw.append(context.text("call.raw")).append('\n').append(diagnosis.rawMessage()).append("\n\n");
        diagnosis.elsewhere().forEach((tool, text) -> raw.append(context.text("call.elsewhere", tool)).append('\n')
                .append(text).append("\n\n"));
        diagnosisRaw.setText(raw.toString().trim());
        diagnosisDetails.setVisible(true);
        diagnosisDetails.setManaged(true);
    }

    /**
     * The server answered: green only when it authenticated this client by its certificate. An answer
     * without a client certificate is the seed's bypass and shows in red; a server that declares itself
     * unsafe gets amber, since it may have accepted anything.
     */
    private void renderAnswered(CallResult result, HandshakeReport report) {
        CallOutcome outcome = result.outcome();
        int status = result.response() == null ? 0 : result.response().status();
        diagnosisCause.setText("");
        diagnosisFix.setText("");
        diagnosisDetails.setVisible(false);
        diagnosisDetails.setManaged(false);
        if (outcome.kind() == CallOutcome.Kind.ANSWERED_WITHOUT_CLIENT_AUTH) {
            outcomeBox.getStyleClass().add(outcome.likelyBypass() ? "outcome-fail" : "outcome-warn");
            outcomeTitle.setText(context.text(outcome.likelyBypass() ? "call.bypass" : "call.noClientAuth", status));
            diagnosisSummary.setText(context.text(report.askedVsPresented().serverAsked()
                    ? "outcome.bypass.asked" : "outcome.bypass.notAsked", status));
            diagnosisCause.setText(context.text("call.bypass.text"));
            StringBuilder fixes = new StringBuilder();
            outcome.fixes().forEach((stack, fix) -> fixes.append(fixes.isEmpty() ? "" : "\n").append(stack).append(": ")
                    .append(fix));
            diagnosisFix.setText(context.text("call.fix", fixes.toString()));
            return;
        }
        if (outcome.clientAuthenticated() != CallOutcome.ClientAuthentication.TRUE) {
            outcomeBox.getStyleClass().add("outcome-warn");
            outcomeTitle.setText(context.text("call.unsafeServer", status));
            diagnosisSummary.setText(context.text("call.unsafeServer.text"));
            return;
        }
        outcomeBox.getStyleClass().add("outcome-ok");
        outcomeTitle.setText(context.text("call.success", status, CallViews.orDash(report.protocol()),
                CallViews.orDash(report.cipherSuite())));
        diagnosisSummary.setText(context.text("call.success.text"));
    }
}
