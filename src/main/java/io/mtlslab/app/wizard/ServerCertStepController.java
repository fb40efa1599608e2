package io.mtlslab.app.wizard;

import io.mtlslab.app.AppContext;
import io.mtlslab.pki.CertificateSpec;
import io.mtlslab.pki.KeyType;
import io.mtlslab.pki.Workspace;
import javafx.fxml.FXML;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;

/** Wizard step 2: the server certificate (server.pem, server.key) with its SANs. */
public class ServerCertStepController extends IssuingStep {

    @FXML private TextField serverCn;
    @FXML private Label serverCnError;
    @FXML private TextField serverSans;
    @FXML private Label serverSansError;
    @FXML private ComboBox<KeyType> serverKey;
    @FXML private TextField serverDays;
    @FXML private Label serverDaysError;

    public ServerCertStepController(AppContext context) {
        super(context);
    }

    @FXML
    private void initialize() {
        serverCn.textProperty().bindBidirectional(model.serverCommonName);
        serverSans.textProperty().bindBidirectional(model.serverSans);
        serverDays.textProperty().bindBidirectional(model.serverDays);
        keyTypes(serverKey, model.serverKeyType);
        checks.add(serverCn, serverCnError, WizardModel::checkCommonName)
                .add(serverSans, serverSansError, WizardModel::checkSans)
                .add(serverDays, serverDaysError, WizardModel::checkDays);
        setupFooter();
    }

    @Override
    protected String identityName() {
        return Workspace.SERVER;
    }

    @Override
    protected CertificateSpec spec() {
        return model.serverSpec();
    }

    @Override
    protected void issue(Workspace workspace, CertificateSpec spec, boolean replace, java.security.KeyPair keys) {
        io.mtlslab.pki.SecureFiles.requireAbsent(replace, workspace.certificateFile(Workspace.SERVER),
                workspace.keyFile(Workspace.SERVER));
        workspace.store(Workspace.SERVER, spec.role(), Workspace.CA,
                io.mtlslab.pki.CertificateIssuer.issue(spec, workspace.signer(Workspace.CA, null), keys), null);
    }
}
