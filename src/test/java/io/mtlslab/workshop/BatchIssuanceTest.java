package io.mtlslab.workshop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mtlslab.pki.Certificates;
import io.mtlslab.pki.KeyType;
import io.mtlslab.pki.PkiException;
import io.mtlslab.pki.Workspace;
import io.mtlslab.testing.ExternalTool;
import io.mtlslab.testing.TestPki;
import io.mtlslab.testing.FileModes;
import io.mtlslab.text.Texts;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchIssuanceTest {

    static final String CSV = String.join("\r\n",
            "name,CN,OU,email",
            "aluno01,Aluno Um,TURMA-A,um@example.com",
            "aluno02,\"Silva, Maria\",TURMA-A,",
            "bad name,Aluno Três,TURMA-A,tres@example.com",
            "aluno04,,TURMA-A,quatro@example.com",
            "aluno05,Aluno Cinco,TURMA-B,not-an-email",
            "aluno06,Aluno Seis,TURMA-B",
            "aluno01,Aluno Um De Novo,TURMA-A,",
            "client,Cliente Repetido,X,",
            "aluno09,Aluno Nove,TURMA-B,nove@example.com",
            "");

    @TempDir
    static Path dir;
    static Workspace workspace;
    static BatchIssuance.Result result;
    static final List<String> progress = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void runTheBatch() throws Exception {
        workspace = TestPki.seedWorkspace(dir);
        Path csv = dir.resolve("turma.csv");
        Files.writeString(csv, CSV);
        result = BatchIssuance.run(workspace, csv, new BatchIssuance.Options(30, KeyType.EC_P256, false),
                (done, total, name) -> progress.add(done + "/" + total + " " + name), null);
    }

    @AfterEach
    void backToEnglish() {
        Texts.use(Locale.ENGLISH);
    }

    @Test
    void skippedRowsAreExplainedInTheChosenLanguage() {
        Texts.use(Texts.PT_BR);

        assertThat(result.problems().get(4).toString()).startsWith("linha 8: name: o nome '")
                .contains("aparece duas vezes no arquivo — dê um nome diferente a cada aluno");
        assertThat(result.problems().get(5).error().getMessage()).endsWith("já existe no workspace");
        assertThat(result.problems().get(3).error().getMessage()).isEqualTo("tem 3 campos, o cabeçalho tem 4");
        assertThat(result.problems().get(2).error().getMessage()).contains("não é um endereço de e-mail");
    }

    @Test
    void issuesTheGoodRowsAndReportsEachBadRowByLine() {
        assertThat(result.issued()).extracting(BatchIssuance.Issued::name).containsExactly("aluno01", "aluno02", "aluno09");
        assertThat(result.problems()).extracting(BatchIssuance.Problem::line).containsExactly(4, 5, 6, 7, 8, 9);
        assertThat(result.problems().get(0).message()).contains("'bad name' cannot be an identity name");
        assertThat(result.problems().get(1).message()).startsWith("cn:");
        assertThat(result.problems().get(2).message()).contains("not-an-email");
        assertThat(result.problems().get(3).message()).contains("has 3 fields, the header has 4");
        assertThat(result.problems().get(4).message()).contains("appears twice");
        assertThat(result.problems().get(5).message()).contains("already exists");
        assertThat(workspace.identity("aluno04")).isEmpty();
        assertThat(dir.resolve("aluno05.pem")).doesNotExist();
        assertThat(result.cancelled()).isFalse();
    }

    @Test
    void reportsProgressAfterEachIssuedRow() {
        assertThat(progress).containsExactly("0/3 null", "1/3 aluno01", "2/3 aluno02", "3/3 aluno09");
    }

    @Test
    void subjectTakesTheCasOrganisationAndTheRowsNames() {
        X509Certificate maria = workspace.credential("aluno02", null).certificate();
        assertThat(Certificates.subjectLine(maria))
                .isEqualTo("C=BR, ST=Estado, L=Cidade, O=MinhaEmpresa, OU=TURMA-A, CN=Silva\\, Maria");
        X509Certificate um = workspace.credential("aluno01", null).certificate();
        ExternalTool.Result text = ExternalTool.run(dir, "openssl", "x509", "-in", "aluno01.pem", "-noout", "-ext",
                "subjectAltName,extendedKeyUsage");
        assertThat(text.output()).contains("email:um@example.com", "TLS Web Client Authentication");
        assertThat(Certificates.subject(um).organizationalUnit()).isEqualTo("TURMA-A");
    }

    @Test
    void eachP12OpensWithItsOwnPasswordInKeyStoreAndOpenssl() throws Exception {
        StudentPasswords passwords = StudentPasswords.of(workspace);
        FileModes.assertOwnerOnly(passwords.file());
        // LF, so `cut -d, -f2` and `awk -F,` give the bare password.
        assertThat(Files.readString(passwords.file())).startsWith("name,password\n").doesNotContain("\r");
        char[] first = passwords.find("aluno01").orElseThrow();
        char[] second = passwords.find("aluno02").orElseThrow();
        assertThat(new String(first)).matches("[A-Z2-7]{4}(-[A-Z2-7]{4}){4}").isNotEqualTo(new String(second));
        for (BatchIssuance.Issued issued : result.issued()) {
            char[] password = passwords.find(issued.name()).orElseThrow();
            FileModes.assertOwnerOnly(issued.p12File());
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(new ByteArrayInputStream(Files.readAllBytes(issued.p12File())), password);
            String alias = store.aliases().nextElement();
            assertThat(store.getKey(alias, password)).isInstanceOf(PrivateKey.class);
            assertThat(((X509Certificate) store.getCertificate(alias)).getSerialNumber())
                    .isEqualTo(workspace.credential(issued.name(), null).certificate().getSerialNumber());

            ExternalTool.Result openssl = ExternalTool.run(dir, "openssl", "pkcs12", "-in", issued.p12File().toString(),
                    "-noout", "-passin", "pass:" + new String(password));
            assertThat(openssl.ok()).as(openssl.output()).isTrue();
            ExternalTool.Result wrong = ExternalTool.run(dir, "openssl", "pkcs12", "-in", issued.p12File().toString(),
                    "-noout", "-passin", "pass:" + new String(first) + "x");
            assertThat(wrong.ok()).isFalse();
        }
    }

    @Test
    void aFileWithoutTheNeededHeaderChangesNothing(@TempDir Path other) throws Exception {
        Workspace fresh = TestPki.seedWorkspace(other);
        Path csv = other.resolve("sem-cabecalho.csv");
        Files.writeString(csv, "aluno01,Aluno Um,TURMA-A,um@example.com\n");
        assertThatThrownBy(() -> BatchIssuance.run(fresh, csv, BatchIssuance.Options.defaults(),
                BatchIssuance.Progress.NONE, null))
                .isInstanceOf(PkiException.class).hasMessageContaining("lacks the column");
        assertThat(other.resolve("passwords.csv")).doesNotExist();
        assertThat(Workspace.open(other).identities()).hasSize(3);
    }

    @Test
    void anUnclosedQuoteKeepsTheRowsBeforeIt(@TempDir Path other) throws Exception {
        Workspace fresh = TestPki.seedWorkspace(other);
        Path csv = other.resolve("quebrado.csv");
        Files.writeString(csv, "name,CN\nprimeiro,Primeiro\nsegundo,\"Segundo\nterceiro,Terceiro\n");
        BatchIssuance.Result partial = BatchIssuance.run(fresh, csv, BatchIssuance.Options.defaults(),
                BatchIssuance.Progress.NONE, null);
        assertThat(partial.issued()).extracting(BatchIssuance.Issued::name).containsExactly("primeiro");
        assertThat(partial.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.message()).contains("never closed");
        });
    }
}
