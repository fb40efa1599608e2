package io.mtlslab.app.wizard;

import io.mtlslab.app.AppContext;
import io.mtlslab.pki.CertificateSpec;
import io.mtlslab.pki.KeyType;
import io.mtlslab.pki.Workspace;
import javafx.fxml.FXML;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;

/** Wizard step 3: the client certificate (client.pem, client.key), OU as the seed's client code. */
public class ClientCertStepController extends IssuingStep {

    @FXML private TextField clientCn;
    @FXML private Label clientCnError;
    @FXML private TextField clientOu;
    @FXML private TextField clientEmail;
    @FXML private Label clientEmailError;
    @FXML private TextField clientSans;
    @FXML private Label clientSansError;
    @FXML private ComboBox<KeyType> clientKey;
    @FXML private TextField clientDays;
    @FXML private Label clientDaysError;

    public ClientCertStepController(AppContext context) {
        super(context);
    }

    @FXML
    private void initialize() {
        clientCn.textProperty().bindBidirectional(model.clientCommonName);
        clientOu.textProperty().bindBidirectional(model.clientUnit);
        clientEmail.textProperty().bindBidirectional(model.clientEmail);
        clientSans.textProperty().bindBidirectional(model.clientSans);
        clientDays.textProperty().bindBidirectional(model.clientDays);
        keyTypes(clientKey, model.clientKeyType);
        checks.add(clientCn, clientCnError, WizardModel::checkCommonName)
                .add(clientEmail, clientEmailError, WizardModel::checkEmail)
                .add(clientSans, clientSansError, WizardModel::checkSans)
                .add(clientDays, clientDaysError, WizardModel::checkDays);
        setupFooter();
    }

    @Override
    protected String identityName() {
        return Workspace.CLIENT;
    }

    @Override
    protected CertificateSpec spec() {
        return model.clientSpec();
    }

    @Override
    protected void issue(Workspace workspace, CertificateSpec spec, boolean replace, java.security.KeyPair keys) {
        io.mtlslab.pki.SecureFiles.requireAbsent(replace, workspace.certificateFile(Workspace.CLIENT),
                workspace.keyFile(Workspace.CLIENT));
        workspace.store(Workspace.CLIENT, spec.role(), Workspace.CA,
                io.mtlslab.pki.CertificateIssuer.issue(spec, workspace.signer(Workspace.CA, null), keys), null);
    }
}
