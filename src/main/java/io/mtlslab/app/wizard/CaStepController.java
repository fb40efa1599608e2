package io.mtlslab.app.wizard;

import io.mtlslab.app.AppContext;
import io.mtlslab.pki.CertificateSpec;
import io.mtlslab.pki.KeyType;
import io.mtlslab.pki.IdentityEntry;
import io.mtlslab.pki.PkiException;
import io.mtlslab.pki.SecureFiles;
import io.mtlslab.pki.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javafx.fxml.FXML;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;

/** Wizard step 1: the root CA (ca.pem, ca.key). */
public class CaStepController extends IssuingStep {

    private static final DateTimeFormatter BACKUP_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    @FXML private TextField caCn;
    @FXML private Label caCnError;
    @FXML private TextField caO;
    @FXML private TextField caOu;
    @FXML private TextField caC;
    @FXML private Label caCError;
    @FXML private TextField caSt;
    @FXML private TextField caL;
    @FXML private ComboBox<KeyType> caKey;
    @FXML private TextField caDays;
    @FXML private Label caDaysError;
    /** Chosen when asking, so that the confirmation names the very files the backup is written to. */
    private String backupName = "";

    public CaStepController(AppContext context) {
        super(context);
    }

    @FXML
    private void initialize() {
        caCn.textProperty().bindBidirectional(model.caCommonName);
        caO.textProperty().bindBidirectional(model.organization);
        caOu.textProperty().bindBidirectional(model.caUnit);
        caC.textProperty().bindBidirectional(model.country);
        caSt.textProperty().bindBidirectional(model.state);
        caL.textProperty().bindBidirectional(model.locality);
        caDays.textProperty().bindBidirectional(model.caDays);
        keyTypes(caKey, model.caKeyType);
        checks.add(caCn, caCnError, WizardModel::checkCommonName)
                .add(caC, caCError, WizardModel::checkCountry)
                .add(caDays, caDaysError, WizardModel::checkDays);
        setupFooter();
    }

    @Override
    protected String identityName() {
        return Workspace.CA;
    }

    @Override
    protected CertificateSpec spec() {
        return model.caSpec();
    }

    /** Every identity the old CA signed stops chaining to the new one: say how many, and keep a backup. */
    @Override
    protected String replaceConfirmation(Workspace workspace) {
        backupName = "ca-backup-" + BACKUP_STAMP.format(LocalDateTime.now());
        List<String> orphans = workspace.identities().stream()
                .filter(entry -> Workspace.CA.equals(entry.issuer()) && !Workspace.CA.equals(entry.name()))
                .map(IdentityEntry::name).toList();
        return context.text("wizard.replaceCa.confirm", orphans.size(),
                orphans.isEmpty() ? "—" : String.join(", ", orphans), backupName);
    }

    @Override
    protected void beforeReplace(Workspace workspace) {
        try {
            SecureFiles.write(workspace.dir().resolve(backupName + ".pem"),
                    Files.readAllBytes(workspace.certificateFile(Workspace.CA)));
            SecureFiles.writeSecret(workspace.dir().resolve(backupName + ".key"),
                    Files.readAllBytes(workspace.keyFile(Workspace.CA)));
        } catch (IOException e) {
            throw PkiException.because(e, "ca", "caBackupFailed", String.valueOf(e.getMessage()));
        }
    }

    @Override
    protected void issue(Workspace workspace, CertificateSpec spec, boolean replace, java.security.KeyPair keys) {
        io.mtlslab.pki.SecureFiles.requireAbsent(replace, workspace.certificateFile(Workspace.CA),
                workspace.keyFile(Workspace.CA));
        workspace.store(Workspace.CA, spec.role(), null, io.mtlslab.pki.CertificateIssuer.createRootCa(spec, keys), null);
    }
}
