package io.mtlslab.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mtlslab.testing.TestPki;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.Extension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CA's revocations live in its own database ({@code index.txt}, {@code crlnumber}), not in the
 * UI's {@code workspace.json}: losing or repairing the index never drops a serial from the CRL or
 * turns its number back.
 */
class RevocationSurvivesIndexTest {

    @TempDir
    Path dir;

    @Test
    void aCorruptIndexMovedAsideAsAdvisedKeepsEveryRevocationAndTheCrlNumberGrows() throws Exception {
        Workspace workspace = TestPki.seedWorkspace(dir);
        X509Certificate client = workspace.credential(Workspace.CLIENT, null).certificate();
        CrlIssuer.revoke(workspace, Workspace.CLIENT, RevocationReason.KEY_COMPROMISE, null);
        assertThat(number(CrlIssuer.published(workspace))).isEqualTo(1);
        assertThat(Files.readString(dir.resolve("index.txt"))).contains("R\t", "keyCompromise", "\tclient\t");

        Files.writeString(dir.resolve(Workspace.INDEX), "{ \"format\": 1, \"identities\": [ {");
        assertThatThrownBy(() -> Workspace.open(dir)).isInstanceOf(PkiException.class)
                .satisfies(e -> assertThat(((PkiException) e).oneLine())
                        .contains("move it aside", "revocations are kept", "index.txt", "mtls-lab crl --refresh"));
        Files.move(dir.resolve(Workspace.INDEX), dir.resolve("workspace.json.bad"));

        Workspace recovered = Workspace.open(dir);
        assertThat(recovered.identities()).isEmpty();
        X509CRL crl = CrlIssuer.publish(recovered, null);
        assertThat(crl.isRevoked(client)).isTrue();
        assertThat(crl.getRevokedCertificate(client).getRevocationReason())
                .isEqualTo(java.security.cert.CRLReason.KEY_COMPROMISE);
        assertThat(number(crl)).isEqualTo(2);
    }

    @Test
    void withTheCaDatabaseLostTooTheLastCrlStillKeepsItsSerialsAndNumber() throws Exception {
        Workspace workspace = TestPki.seedWorkspace(dir);
        X509Certificate client = workspace.credential(Workspace.CLIENT, null).certificate();
        CrlIssuer.revoke(workspace, Workspace.CLIENT, RevocationReason.SUPERSEDED, null);
        CrlIssuer.publish(workspace, null);
        Files.delete(dir.resolve(Workspace.INDEX));
        Files.delete(dir.resolve("index.txt"));
        Files.delete(dir.resolve("crlnumber"));

        X509CRL crl = CrlIssuer.publish(Workspace.open(dir), null);
        assertThat(crl.isRevoked(client)).isTrue();
        assertThat(number(crl)).isEqualTo(3);
        assertThat(Files.readString(dir.resolve("index.txt"))).contains("R\t", "superseded");
    }

    @Test
    void revocationsOfAnIndexWrittenBeforeTheCaDatabaseAreKept() throws Exception {
        Workspace workspace = TestPki.seedWorkspace(dir);
        X509Certificate client = workspace.credential(Workspace.CLIENT, null).certificate();
        String serial = Certificates.serialHex(client);
        String json = Files.readString(dir.resolve(Workspace.INDEX)).replace("\"settings\" : { }",
                "\"settings\" : { \"crlNumber\" : 7, \"revocations\" : [ { \"name\" : \"client\", \"serial\" : \""
                        + serial + "\", \"revokedAt\" : \"2024-01-02T03:04:05Z\", \"reason\" : \"keyCompromise\" } ] }");
        assertThat(json).contains("crlNumber");
        Files.writeString(dir.resolve(Workspace.INDEX), json);

        X509CRL crl = CrlIssuer.publish(Workspace.open(dir), null);
        assertThat(crl.isRevoked(client)).isTrue();
        assertThat(number(crl)).isEqualTo(8);
        assertThat(Files.readString(dir.resolve("crlnumber")).trim()).isEqualTo("09");
    }

    @Test
    void opensslCaReadsTheDatabase() throws Exception {
        Workspace workspace = TestPki.seedWorkspace(dir);
        CrlIssuer.revoke(workspace, Workspace.CLIENT, RevocationReason.KEY_COMPROMISE, null);
        Files.writeString(dir.resolve("openssl-ca.cnf"), """
                [ ca ]
                default_ca = workspace
                [ workspace ]
                database = index.txt
                crlnumber = crlnumber
                certificate = ca.pem
                private_key = ca.key
                default_md = sha256
                default_crl_days = 1
                """);
        io.mtlslab.testing.ExternalTool.Result crl = io.mtlslab.testing.ExternalTool.run(dir, "openssl", "ca",
                "-config", "openssl-ca.cnf", "-gencrl", "-out", "openssl.crl");
        assertThat(crl.ok()).as(crl.output()).isTrue();
        io.mtlslab.testing.ExternalTool.Result verify = io.mtlslab.testing.ExternalTool.run(dir, "openssl", "verify",
                "-crl_check", "-CAfile", "ca.pem", "-CRLfile", "openssl.crl", "client.pem");
        assertThat(verify.output()).contains("certificate revoked");
    }

    @Test
    void theDatabaseRecordsWhatTheRootCaIssuedAndNothingAnIntermediateDid() throws Exception {
        Workspace workspace = TestPki.seedWorkspace(dir);
        workspace.issue("sub", CertificateSpec.builder(Role.INTERMEDIATE_CA).subject(SubjectName.seed("TI", "Sub CA"))
                .keyType(KeyType.EC_P256).pathLength(0).build(), Workspace.CA, false, null, null);
        workspace.issue("leaf", CertificateSpec.builder(Role.CLIENT).subject(SubjectName.seed("TI", "Leaf"))
                .keyType(KeyType.EC_P256).build(), "sub", false, null, null);
        String index = Files.readString(dir.resolve("index.txt"));
        assertThat(index.lines()).hasSize(3).allMatch(line -> line.startsWith("V\t"));
        assertThat(index).contains("\tserver\t", "\tclient\t", "\tsub\t").doesNotContain("\tleaf\t");
        assertThat(Workspace.open(dir).identity("leaf").orElseThrow().issuer()).isEqualTo("sub");
    }

    @Test
    void anIndexOfUnknownFormatIsRefusedAndLeftAsItIs() throws Exception {
        TestPki.seedWorkspace(dir);
        String future = Files.readString(dir.resolve(Workspace.INDEX)).replace("\"format\" : 1", "\"format\" : 2");
        Files.writeString(dir.resolve(Workspace.INDEX), future);
        assertThatThrownBy(() -> Workspace.open(dir)).isInstanceOf(PkiException.class).hasMessageContaining("format 2");
        assertThat(Files.readString(dir.resolve(Workspace.INDEX))).isEqualTo(future);
    }

    @Test
    void aNameInTheIndexIsCheckedLikeANameGivenAsArgument() throws Exception {
        TestPki.seedWorkspace(dir);
        String json = Files.readString(dir.resolve(Workspace.INDEX)).replace("\"name\" : \"client\"",
                "\"name\" : \"../../x\"");
        Files.writeString(dir.resolve(Workspace.INDEX), json);
        assertThatThrownBy(() -> Workspace.open(dir)).isInstanceOf(PkiException.class)
                .hasMessageContaining("'../../x' cannot be an identity name");
    }

    private static long number(X509CRL crl) {
        byte[] value = ASN1OctetString.getInstance(crl.getExtensionValue(Extension.cRLNumber.getId())).getOctets();
        BigInteger number = ASN1Integer.getInstance(value).getValue();
        return number.longValueExact();
    }
}
