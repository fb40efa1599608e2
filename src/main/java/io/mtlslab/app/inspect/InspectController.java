package io.mtlslab.app.inspect;

import io.mtlslab.app.AppContext;
import io.mtlslab.app.common.Copy;
import io.mtlslab.app.common.KeyValueGrid;
import io.mtlslab.app.common.Problem;
import io.mtlslab.pki.Pem;
import io.mtlslab.pki.inspect.CertificateDetails;
import io.mtlslab.pki.inspect.CrlDetails;
import io.mtlslab.pki.inspect.CsrDetails;
import io.mtlslab.pki.inspect.ExtensionDetails;
import io.mtlslab.pki.inspect.InspectedFile;
import io.mtlslab.pki.inspect.Inspector;
import io.mtlslab.pki.inspect.PrivateKeyDetails;
import io.mtlslab.pki.lint.Finding;
import io.mtlslab.pki.lint.Lint;
import io.mtlslab.pki.lint.LintRequest;
import java.io.File;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/**
 * Inspect any certificate, key, CSR, CRL or PKCS#12 file (G4, P7) with the mTLS pre-flight lint of
 * each certificate (P7b). Files arrive by "Open", by typing a path, or by drag and drop.
 */
public class InspectController {

    /** What the core said about one file: the decoded record and the lint of each certificate. */
    private record Inspection(InspectedFile file, List<List<Finding>> findings, List<X509Certificate> certificates) {
    }

    private final AppContext context;
    private final InspectModel model;

    @FXML private TextField inspectPath;
    @FXML private PasswordField inspectPassword;
    @FXML private Label inspectError;
    @FXML private VBox inspectResult;

    public InspectController(AppContext context) {
        this.context = context;
        this.model = context.model(InspectModel.class, InspectModel::new);
    }

    @FXML
    private void initialize() {
        inspectError.managedProperty().bind(inspectError.textProperty().isNotEmpty());
        inspectError.visibleProperty().bind(inspectError.managedProperty());
        context.viewScope().onChange(model.fileProperty(), (old, file) -> {
            if (file != null) {
                inspectPath.setText(file.toString());
                inspectPath.end(); // the file's name, even while the field has the focus
                inspect(file);
            }
        });
        if (model.fileProperty().get() != null) {
            inspectPath.setText(model.fileProperty().get().toString());
            inspect(model.fileProperty().get());
        }
    }

    @FXML
    private void chooseFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(context.text("inspect.choose"));
        if (context.workspace() != null) {
            chooser.setInitialDirectory(context.workspace().dir().toFile());
        }
        File file = chooser.showOpenDialog(inspectPath.getScene().getWindow());
        if (file != null) {
            model.open(file.toPath());
        }
    }

    @FXML
    private void inspectTyped() {
        String text = inspectPath.getText() == null ? "" : inspectPath.getText().trim();
        if (!text.isEmpty()) {
            model.open(Path.of(text));
        }
    }

    private void inspect(Path file) {
        inspectError.setText("");
        inspectResult.getChildren().clear();
        char[] password = inspectPassword.getText().isEmpty() ? null : inspectPassword.getText().toCharArray();
        // Read on the FX thread: the worker below must not touch the workspace property.
        io.mtlslab.pki.Workspace workspace = context.workspace();
        context.tasks().run(progress -> {
            InspectedFile inspected = Inspector.inspect(file, password);
            List<X509Certificate> certificates = inspected.certificates().isEmpty() ? List.of()
                    : Inspector.certificates(file, password);
            List<List<Finding>> findings = new ArrayList<>();
            for (int i = 0; i < certificates.size(); i++) {
                List<X509Certificate> rest = certificates.subList(i + 1, certificates.size());
                LintRequest request = LintRequest.of(certificates.get(i)).withChain(rest);
                if (workspace != null && workspace.hasCa()) {
                    request = request.withAnchors(List.of(workspace.caCertificate())).withRevocationsOf(workspace);
                }
                findings.add(Lint.check(request));
            }
            return new Inspection(inspected, findings, certificates);
        }, this::render, failure -> {
            Problem problem = context.problemOf(failure);
            inspectError.setText(problem.fix() == null ? problem.summary() : problem.summary() + " — " + problem.fix());
        });
    }

    private void render(Inspection inspection) {
        InspectedFile file = inspection.file();
        Label title = new Label(context.text("inspect.file", file.source(), file.encoding(),
                context.text("inspect.kind." + file.kind().name())));
        title.setId("inspectTitle");
        title.getStyleClass().add("section-title");
        inspectResult.getChildren().add(title);
        if (file.pkcs12() != null) {
            inspectResult.getChildren().add(card(context.text("inspect.p12"), grid(
                    "inspect.p12.mac", file.pkcs12().macAlgorithm() + " × " + file.pkcs12().macIterations(),
                    "inspect.p12.encryption", String.join(", ", file.pkcs12().encryption().stream()
                            .map(io.mtlslab.text.Message::text).toList()),
                    "inspect.p12.names", String.join(", ", file.pkcs12().friendlyNames()),
                    "inspect.p12.key", context.text(file.pkcs12().hasPrivateKey() ? "call.yes" : "call.no")
                            + (file.pkcs12().keyMatchesCertificate() ? " · " + context.text("inspect.p12.matches") : ""))));
        }
        for (int i = 0; i < file.certificates().size(); i++) {
            List<Finding> findings = i < inspection.findings().size() ? inspection.findings().get(i) : null;
            inspectResult.getChildren().add(certificateCard(file.certificates().get(i), findings,
                    i < inspection.certificates().size() ? inspection.certificates().get(i) : null));
        }
        for (PrivateKeyDetails key : file.privateKeys()) {
            inspectResult.getChildren().add(card(context.text("inspect.key"), grid(
                    "inspect.key.format", key.format().text(),
                    "inspect.key.encrypted", key.encrypted() && key.encryption() != null ? key.encryption().text()
                            : context.text("call.no"),
                    "identities.key", key.readable() ? key.description() : context.text("inspect.key.locked"))));
        }
        for (CsrDetails csr : file.requests()) {
            inspectResult.getChildren().add(card(context.text("inspect.csr"), grid(
                    "call.field.subject", csr.subject(),
                    "identities.key", csr.publicKey().description(),
                    "call.field.sans", String.join(", ", csr.subjectAltNames()),
                    "inspect.signature", csr.signatureAlgorithm() + (csr.signatureValid() ? " ✔" : " ✘"))));
        }
        for (CrlDetails crl : file.crls()) {
            List<String> revoked = crl.revoked().stream().map(r -> r.serialHex() + " (" + r.revocationDate()
                    + (r.reason() == null ? "" : ", " + io.mtlslab.pki.RevocationReason.describe(r.reason())) + ")").toList();
            inspectResult.getChildren().add(card(context.text("inspect.crl"), grid(
                    "call.field.issuer", crl.issuer(),
                    "inspect.crl.updates", crl.thisUpdate() + " → " + crl.nextUpdate(),
                    "inspect.crl.revoked", revoked.isEmpty() ? "—" : String.join("\n", revoked))));
        }
    }

    private VBox certificateCard(CertificateDetails cert, List<Finding> findings, X509Certificate certificate) {
        GridPane grid = grid(
                "call.field.subject", cert.subject(),
                "call.field.issuer", cert.issuer(),
                "inspect.serial", cert.serialHex() + "  (" + cert.serialDecimal() + ")",
                "identities.validity", cert.notBefore() + " → " + cert.notAfter(),
                "identities.key", cert.publicKey().description(),
                "inspect.signature", cert.signatureAlgorithm(),
                "call.field.sans", String.join(", ", cert.subjectAltNames()),
                "inspect.ku", String.join(", ", cert.keyUsage()),
                "identities.eku", String.join(", ", cert.extendedKeyUsage()),
                "inspect.ca", cert.ca() ? context.text("call.yes") + (cert.pathLength() == null ? ""
                        : " (pathLen " + cert.pathLength() + ")") : context.text("call.no"),
                "inspect.ski", cert.subjectKeyId(),
                "inspect.aki", cert.authorityKeyId(),
                "call.field.fingerprint", cert.sha256Fingerprint(),
                "inspect.sha1", cert.sha1Fingerprint());
        VBox card = card(cert.subject(), grid);
        Label extensions = new Label(context.text("inspect.extensions"));
        extensions.getStyleClass().add("kv-key");
        card.getChildren().add(extensions);
        for (ExtensionDetails extension : cert.extensions()) {
            Label line = new Label((extension.critical() ? "‼ " : "• ") + extension.name() + ": "
                    + String.join("; ", extension.values()));
            line.setWrapText(true);
            card.getChildren().add(line);
        }
        Label lintTitle = new Label(context.text("inspect.lint"));
        lintTitle.getStyleClass().add("section-title");
        card.getChildren().add(lintTitle);
        if (findings == null || certificate == null) {
            card.getChildren().add(new Label(context.text("inspect.lint.unavailable")));
        } else if (findings.isEmpty()) {
            Label ok = new Label(context.text("inspect.lint.clean"));
            ok.getStyleClass().addAll("badge", "ok");
            ok.setId("lintClean");
            card.getChildren().add(ok);
        } else {
            for (Finding finding : findings) {
                Label severity = new Label(Finding.severityName(finding.severity()).text());
                severity.getStyleClass().addAll("badge", switch (finding.severity()) {
                    case ERROR -> "fail";
                    case WARNING -> "warn";
                    case INFO -> "ok";
                });
                Label what = new Label(finding.what() + " — " + finding.fix());
                what.setWrapText(true);
                what.getStyleClass().add("lint-finding");
                card.getChildren().add(new HBox(8, severity, what));
            }
        }
        if (certificate != null) {
            Button copyPem = new Button(context.text("identities.copyPem"));
            copyPem.setOnAction(event -> Copy.text(Pem.certificate(certificate)));
            Button copyFingerprint = new Button(context.text("identities.copyFingerprint"));
            copyFingerprint.setOnAction(event -> Copy.text(cert.sha256Fingerprint()));
            javafx.scene.layout.FlowPane buttons = new javafx.scene.layout.FlowPane(8, 8, copyPem, copyFingerprint);
            io.mtlslab.app.common.Fit.apply(buttons);
            card.getChildren().add(buttons);
        }
        return card;
    }

    private VBox card(String title, GridPane grid) {
        Label label = new Label(title);
        label.getStyleClass().add("section-title");
        label.setWrapText(true);
        VBox card = new VBox(label, grid);
        card.getStyleClass().add("card");
        return card;
    }

    private GridPane grid(String... keysAndValues) {
        KeyValueGrid grid = new KeyValueGrid();
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            grid.add(context.text(keysAndValues[i]), keysAndValues[i + 1]);
        }
        return grid;
    }
}
