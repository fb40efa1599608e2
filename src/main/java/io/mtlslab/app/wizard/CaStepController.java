package io.mtlslab.app.wizard;

import io.mtlslab.app.AppContext;
import io.mtlslab.pki.CertificateSpec;
import io.mtlslab.pki.KeyType;
import io.mtlslab.pki.Workspace;
import javafx.fxml.FXML;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;

/** Wizard step 1: the root CA (ca.pem, ca.key). */
public class CaStepController extends IssuingStep {

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

    @Override
    protected void issue(Workspace workspace, CertificateSpec spec, boolean replace) {
        workspace.createRootCa(Workspace.CA, spec, replace, null);
    }
}
