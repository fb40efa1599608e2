package io.mtlslab.app.wizard;

import io.mtlslab.pki.CertificateSpec;
import io.mtlslab.pki.KeyType;
import io.mtlslab.pki.PkiException;
import io.mtlslab.pki.Role;
import io.mtlslab.pki.SubjectAltName;
import io.mtlslab.pki.SubjectName;
import io.mtlslab.pki.Validity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The one typed model the wizard's steps share (and Quick start fills with defaults): the seed's
 * CA, server and client, as the user edits them. Checks call the core, so a field shows exactly the
 * message the core would give on issuance.
 */
public final class WizardModel {

    // CA (the seed: openssl req -x509 ... -subj "/C=BR/ST=Estado/L=Cidade/O=MinhaEmpresa/OU=TI/CN=MinhaCA")
    public final StringProperty caCommonName = new SimpleStringProperty("MinhaCA");
    public final StringProperty country = new SimpleStringProperty("BR");
    public final StringProperty state = new SimpleStringProperty("Estado");
    public final StringProperty locality = new SimpleStringProperty("Cidade");
    public final StringProperty organization = new SimpleStringProperty("MinhaEmpresa");
    public final StringProperty caUnit = new SimpleStringProperty("TI");
    public final ObjectProperty<KeyType> caKeyType = new SimpleObjectProperty<>(KeyType.RSA_4096);
    public final StringProperty caDays = new SimpleStringProperty("3650");

    // Server (server_cert_ext.cnf: CN=localhost, DNS.1=localhost, IP.1=127.0.0.1)
    public final StringProperty serverCommonName = new SimpleStringProperty("localhost");
    public final StringProperty serverSans = new SimpleStringProperty("dns:localhost, ip:127.0.0.1, ip:::1");
    public final ObjectProperty<KeyType> serverKeyType = new SimpleObjectProperty<>(KeyType.RSA_2048);
    public final StringProperty serverDays = new SimpleStringProperty("365");

    // Client (client_cert_ext.cnf: OU=CODIGODOCLIENTE, CN=Cliente, DNS.1=Cliente)
    public final StringProperty clientCommonName = new SimpleStringProperty("Cliente");
    public final StringProperty clientUnit = new SimpleStringProperty("CODIGODOCLIENTE");
    public final StringProperty clientEmail = new SimpleStringProperty("");
    public final StringProperty clientSans = new SimpleStringProperty("dns:Cliente");
    public final ObjectProperty<KeyType> clientKeyType = new SimpleObjectProperty<>(KeyType.RSA_2048);
    public final StringProperty clientDays = new SimpleStringProperty("365");

    /** Whether existing ca/server/client files may be replaced (the GUI's confirmation). */
    public final BooleanProperty replaceExisting = new SimpleBooleanProperty(false);

    /** The wizard's current step, kept here so a re-render (language switch) stays on it. */
    public final IntegerProperty step = new SimpleIntegerProperty(0);

    /**
     * Makes the key pair of a step (a few seconds for RSA 4096). Replaceable so that a test can hold
     * the generation open long enough to cancel it; the app always uses the real generator.
     */
    public volatile java.util.function.Function<KeyType, java.security.KeyPair> keyMaker = KeyType::generate;

    /** The fast choice of Quick start: EC P-256 keys everywhere (RSA-4096 takes seconds). */
    public void useFastKeys() {
        caKeyType.set(KeyType.EC_P256);
        serverKeyType.set(KeyType.EC_P256);
        clientKeyType.set(KeyType.EC_P256);
    }

    public CertificateSpec caSpec() {
        return CertificateSpec.builder(Role.ROOT_CA)
                .subject(subject(caUnit.get(), caCommonName.get()))
                .keyType(caKeyType.get()).days(days(caDays.get())).build();
    }

    public CertificateSpec serverSpec() {
        return CertificateSpec.builder(Role.SERVER)
                .subject(subject("TI", serverCommonName.get()))
                .subjectAltNames(sans(serverSans.get()))
                .keyType(serverKeyType.get()).days(days(serverDays.get())).build();
    }

    public CertificateSpec clientSpec() {
        SubjectName subject = subject(clientUnit.get(), clientCommonName.get()).withEmail(blankToNull(clientEmail.get()));
        return CertificateSpec.builder(Role.CLIENT).subject(subject)
                .subjectAltNames(sans(clientSans.get()))
                .keyType(clientKeyType.get()).days(days(clientDays.get())).build();
    }

    private SubjectName subject(String unit, String commonName) {
        return new SubjectName(country.get(), state.get(), locality.get(), organization.get(),
                unit == null || unit.isBlank() ? List.of() : List.of(unit), commonName, null).requireCommonName();
    }

    // ---- per-field checks: empty when fine, otherwise the core's message and fix ----

    public static Optional<String> checkCommonName(String text) {
        return check(() -> SubjectName.ofCommonName(text).requireCommonName());
    }

    public static Optional<String> checkCountry(String text) {
        return check(() -> new SubjectName(text, null, null, null, List.of(), "x", null));
    }

    public static Optional<String> checkDays(String text) {
        return check(() -> Validity.days(days(text)));
    }

    public static Optional<String> checkSans(String text) {
        return check(() -> sans(text));
    }

    public static Optional<String> checkEmail(String text) {
        return text == null || text.isBlank() ? Optional.empty() : check(() -> SubjectAltName.email(text.trim()));
    }

    /** SANs typed as {@code dns:localhost, ip:127.0.0.1}, separated by commas, spaces or new lines. */
    public static List<SubjectAltName> sans(String text) {
        List<SubjectAltName> result = new ArrayList<>();
        if (text != null) {
            for (String part : text.split("[,;\\s]+")) {
                if (!part.isBlank()) {
                    result.add(SubjectAltName.parse(part));
                }
            }
        }
        return result;
    }

    static int days(String text) {
        try {
            return Integer.parseInt(text == null ? "" : text.trim());
        } catch (NumberFormatException e) {
            throw PkiException.because(e, "days", "notDays", String.valueOf(text));
        }
    }

    private static Optional<String> check(Runnable action) {
        try {
            action.run();
            return Optional.empty();
        } catch (PkiException e) {
            return Optional.of(io.mtlslab.app.common.ErrorText.inWords(e));
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
