package io.mtlslab.app.call;

import static io.mtlslab.app.call.CallViews.wrapped;

import io.mtlslab.app.AppContext;
import io.mtlslab.call.AskedVsPresented;
import io.mtlslab.call.CertificateSummary;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/**
 * The "asked vs presented" tab (C4): the CA names and key types the server asked for, the chain the
 * client had on offer, and whether it was sent — the usual answer to "why was my certificate not sent?".
 */
public class AskedController {

    private final AppContext context;

    @FXML private VBox askedBox;

    public AskedController(AppContext context) {
        this.context = context;
    }

    /** Shows what was asked and presented; {@code null} empties the tab. */
    void render(AskedVsPresented asked) {
        askedBox.getChildren().clear();
        if (asked == null) {
            return;
        }
        askedBox.getChildren().add(sectionLabel("call.asked.server"));
        askedBox.getChildren().add(new Label(context.text(asked.serverAsked() ? "call.asked.yes" : "call.asked.no")));
        if (asked.serverAsked()) {
            String names = asked.caNamesListed()
                    ? (asked.acceptedCaNames().isEmpty() ? context.text("call.asked.any")
                            : String.join("\n", asked.acceptedCaNames()))
                    : context.text("call.asked.noList");
            askedBox.getChildren().add(wrapped(context.text("call.asked.names") + "\n" + names));
            askedBox.getChildren().add(wrapped(context.text("call.asked.keys") + " " + String.join(", ", asked.keyTypes())));
        }
        askedBox.getChildren().add(sectionLabel("call.asked.client"));
        if (asked.chainOnOffer().isEmpty()) {
            askedBox.getChildren().add(new Label(context.text("call.asked.noChain")));
        }
        for (CertificateSummary certificate : asked.chainOnOffer()) {
            askedBox.getChildren().add(wrapped("• " + certificate.subject() + "   ←  " + certificate.issuer()));
        }
        Label sent = wrapped(asked.sent() != null ? context.text("call.asked.sent", asked.sent().subject())
                : context.text("call.asked.notSent", CallViews.orDash(asked.notSentReason())));
        sent.setId("askedSent");
        sent.getStyleClass().add(asked.sent() != null ? "cell-pass" : "cell-fail");
        askedBox.getChildren().add(sent);
    }

    private Label sectionLabel(String key) {
        Label label = new Label(context.text(key));
        label.getStyleClass().add("section-title");
        return label;
    }
}
