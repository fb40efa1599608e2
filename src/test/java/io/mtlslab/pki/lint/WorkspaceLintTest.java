package io.mtlslab.pki.lint;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtlslab.pki.CertificateSpec;
import io.mtlslab.pki.Certificates;
import io.mtlslab.pki.CrlIssuer;
import io.mtlslab.pki.KeyType;
import io.mtlslab.pki.RevocationReason;
import io.mtlslab.pki.Role;
import io.mtlslab.pki.SubjectName;
import io.mtlslab.pki.Workspace;
import io.mtlslab.testing.TestPki;
import io.mtlslab.text.Texts;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pre-flight of a workspace identity (what Identities shows): revoked, or from a CA since replaced. */
class WorkspaceLintTest {

    @TempDir
    Path dir;

    @AfterEach
    void backToEnglish() {
        Texts.use(Locale.ENGLISH);
    }

    private static List<Finding> lint(Workspace workspace, String name, Role role) {
        return Lint.check(LintRequest.forIdentity(workspace, name, role, workspace.credential(name, null)));
    }

    private static List<String> codes(List<Finding> findings) {
        return findings.stream().map(Finding::code).toList();
    }

    @Test
    void aRevokedCertificateIsAnErrorWithItsDateAndReason() {
        Workspace workspace = TestPki.seedWorkspace(dir);
        assertThat(lint(workspace, Workspace.CLIENT, Role.CLIENT)).isEmpty();

        CrlIssuer.revoke(workspace, Workspace.CLIENT, RevocationReason.KEY_COMPROMISE, null);

        List<Finding> findings = lint(Workspace.open(dir), Workspace.CLIENT, Role.CLIENT);
        assertThat(codes(findings)).containsExactly("revoked");
        assertThat(findings.get(0).severity()).isEqualTo(Finding.Severity.ERROR);
        assertThat(findings.get(0).what()).contains("revoked", "Key compromise",
                Certificates.serialHex(workspace.credential(Workspace.CLIENT, null).certificate()));
        Texts.use(Texts.PT_BR);
        assertThat(findings.get(0).what()).contains("foi revogado", "Comprometimento da chave");
        // the server was not revoked
        assertThat(lint(Workspace.open(dir), Workspace.SERVER, Role.SERVER)).isEmpty();
    }

    /** A revoked intermediate takes every certificate below it along: lint says so (it said nothing). */
    @Test
    void aCertificateBelowARevokedIntermediateIsAnError() {
        Workspace workspace = TestPki.seedWorkspace(dir);
        workspace.issue("sub", CertificateSpec.builder(Role.INTERMEDIATE_CA).subject(SubjectName.seed("TI", "Sub CA"))
                .keyType(KeyType.EC_P256).pathLength(0).build(), Workspace.CA, false, null, null);
        workspace.issue("leaf", CertificateSpec.builder(Role.CLIENT).subject(SubjectName.seed("TI", "Leaf"))
                .keyType(KeyType.EC_P256).build(), "sub", false, null, null);
        assertThat(lint(workspace, "leaf", Role.CLIENT)).isEmpty();

        CrlIssuer.revoke(workspace, "sub", RevocationReason.KEY_COMPROMISE, null);

        Workspace reopened = Workspace.open(dir);
        List<Finding> findings = lint(reopened, "leaf", Role.CLIENT);
        assertThat(codes(findings)).containsExactly("issuer-revoked");
        assertThat(findings.get(0).severity()).isEqualTo(Finding.Severity.ERROR);
        assertThat(findings.get(0).what()).contains("sub", "Key compromise",
                Certificates.serialHex(reopened.credential("sub", null).certificate()));
        // the leaf alone, without the chain its file may lack: found through the index's issuers
        X509Certificate leaf = reopened.credential("leaf", null).certificate();
        assertThat(codes(Lint.check(LintRequest.of(leaf).withRevocationsOf(reopened)))).contains("issuer-revoked");
        // the intermediate itself is revoked, not "below a revoked CA"
        assertThat(codes(lint(reopened, "sub", Role.INTERMEDIATE_CA))).contains("revoked").doesNotContain("issuer-revoked");
        // what the root issued directly is untouched
        assertThat(lint(reopened, Workspace.CLIENT, Role.CLIENT)).isEmpty();
    }

    @Test
    void aCertificateFromAReplacedCaNoLongerChains() {
        Workspace workspace = TestPki.seedWorkspace(dir);
        X509Certificate oldCa = workspace.caCertificate();
        X509Certificate client = workspace.credential(Workspace.CLIENT, null).certificate();

        // The wizard's "Replace the existing ca.pem": same name, new key.
        workspace.createRootCa(Workspace.CA, CertificateSpec.builder(Role.ROOT_CA)
                .subject(SubjectName.seed("TI", "MinhaCA")).keyType(KeyType.EC_P256).build(), true, null);
        Workspace reopened = Workspace.open(dir);
        X509Certificate newCa = reopened.caCertificate();
        assertThat(newCa).isNotEqualTo(oldCa);

        List<Finding> findings = lint(reopened, Workspace.CLIENT, Role.CLIENT);
        assertThat(codes(findings)).containsExactly("not-from-this-ca");
        assertThat(findings.get(0).what()).contains("CN=MinhaCA", Certificates.authorityKeyId(client),
                Certificates.subjectKeyId(newCa), "replaced");
        assertThat(findings.get(0).fix()).contains("renew");
        assertThat(codes(lint(reopened, Workspace.SERVER, Role.SERVER))).containsExactly("not-from-this-ca");
        assertThat(lint(reopened, Workspace.CA, Role.ROOT_CA)).isEmpty();
    }

    @Test
    void findingsSpeakPortugueseWhenAskedAndEnglishAgainAfter() {
        Workspace workspace = TestPki.seedWorkspace(dir);
        List<Finding> findings = Lint.check(LintRequest.forIdentity(workspace, Workspace.SERVER, Role.CLIENT,
                workspace.credential(Workspace.SERVER, null)));
        assertThat(codes(findings)).containsExactly("wrong-eku");

        Texts.use(Texts.PT_BR);
        assertThat(findings.get(0).what()).isEqualTo("o extendedKeyUsage (serverAuth) não tem clientAuth, então o outro "
                + "lado vai recusá-lo como certificado de cliente");
        assertThat(findings.get(0).fix()).startsWith("emita de novo como certificado de cliente");
        assertThat(Finding.severityName(Finding.Severity.ERROR).text()).isEqualTo("ERRO");

        Texts.use(Locale.ENGLISH);
        assertThat(findings.get(0).what()).startsWith("the extendedKeyUsage (serverAuth) lacks clientAuth");
    }
}
