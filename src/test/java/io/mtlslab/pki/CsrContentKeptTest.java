package io.mtlslab.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mtlslab.pki.lint.Finding;
import io.mtlslab.pki.lint.Lint;
import io.mtlslab.pki.lint.LintRequest;
import io.mtlslab.testing.ExternalTool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * sign-csr keeps the request's subject and SANs as they are encoded: multi-valued RDNs, attributes
 * mTLS Lab does not model, and SAN kinds it does not issue itself (otherName, registeredID, dirName).
 */
class CsrContentKeptTest {

    private static final String ALL_SAN_KINDS = "subjectAltName=DNS:a.example,IP:127.0.0.1,email:x@example.com,"
            + "URI:spiffe://t/x,otherName:1.3.6.1.4.1.311.20.2.3;UTF8:user@example.com,RID:1.2.3.4,dirName:dir_sect";

    @TempDir
    static Path dir;
    static Path csrs;
    static Path ws;
    static Workspace workspace;

    @BeforeAll
    static void makeCsrsWithOpenssl() throws Exception {
        ExternalTool.require("openssl");
        csrs = Files.createDirectories(dir.resolve("csrs"));
        ws = dir.resolve("ws");
        workspace = io.mtlslab.testing.TestPki.seedWorkspace(ws);
        Files.writeString(csrs.resolve("req.cnf"), """
                [req]
                distinguished_name = dn
                [dn]
                [dir_sect]
                C = BR
                O = Dir Org
                CN = Dir Name
                """);
        openssl("req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-config", "req.cnf",
                "-keyout", "multi.key", "-out", "multi.csr", "-subj", "/O=Org/CN=host.example+UID=u1",
                "-multivalue-rdn", "-addext", "subjectAltName=DNS:host.example");
        openssl("req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-config", "req.cnf",
                "-keyout", "attrs.key", "-out", "attrs.csr",
                "-subj", "/DC=com/DC=example/O=Org/CN=svc/serialNumber=42/title=T/GN=G/SN=S/street=Rua 1/postalCode=123",
                "-addext", "subjectAltName=DNS:svc.example");
        openssl("req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-config", "req.cnf",
                "-keyout", "sans.key", "-out", "sans.csr", "-subj", "/O=Org/CN=user", "-addext", ALL_SAN_KINDS);
    }

    @Test
    void keepsAMultiValuedRdnWithItsCommonName() throws Exception {
        Credential signed = sign("multi", Role.SERVER, List.of());
        assertKeptExactly("multi", signed);
        assertThat(Certificates.subject(signed.certificate()).commonName()).isEqualTo("host.example");
        assertThat(workspace.identity("multi")).get().extracting(IdentityEntry::subject)
                .isEqualTo("O=Org, UID=u1+CN=host.example");
    }

    @Test
    void keepsAttributesMtlsLabDoesNotModel() throws Exception {
        Credential signed = sign("attrs", Role.CLIENT, List.of());
        assertKeptExactly("attrs", signed);
        assertThat(workspace.identity("attrs")).get().extracting(IdentityEntry::subject)
                .isEqualTo("DC=com, DC=example, O=Org, CN=svc, serialNumber=42, title=T, GN=G, SN=S, street=Rua 1, "
                        + "postalCode=123");
        String subject = ExternalTool.run(ws, "openssl", "x509", "-in", "attrs.pem", "-noout", "-subject").output();
        assertThat(subject).contains("DC = com, DC = example, O = Org, CN = svc, serialNumber = 42, title = T");
    }

    @Test
    void keepsEverySanKindOfTheRequest() throws Exception {
        Credential signed = sign("sans", Role.CLIENT, List.of());
        assertKeptExactly("sans", signed);
        String sans = ExternalTool.run(ws, "openssl", "x509", "-in", "sans.pem", "-noout", "-ext", "subjectAltName")
                .output();
        assertThat(sans).contains("DNS:a.example", "IP Address:127.0.0.1", "email:x@example.com", "URI:spiffe://t/x",
                "UPN::user@example.com", "Registered ID:1.2.3.4", "DirName:/C=BR/O=Dir Org/CN=Dir Name");
    }

    @Test
    void addsExtraSansAfterTheRequestsOwn() throws Exception {
        Credential signed = sign("sans-extra", "sans", Role.CLIENT, List.of(SubjectAltName.dns("b.example"),
                SubjectAltName.dns("a.example")));
        GeneralNames requested = requestedNames("sans");
        GeneralNames issued = issuedNames(signed);
        assertThat(issued.getNames()).hasSize(requested.getNames().length + 1);
        assertThat(List.of(issued.getNames()).subList(0, requested.getNames().length))
                .containsExactly(requested.getNames());
        assertThat(issued.getNames()[requested.getNames().length].toString()).isEqualTo("2: b.example");
    }

    @Test
    void refusesARequestWhoseUnmodelledAttributeHoldsABidiOverride() throws Exception {
        KeyPair keys = KeyType.EC_P256.generate();
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, "ok")
                .addRDN(BCStyle.T, "boss\u202Elacol").build();
        PKCS10CertificationRequest csr = new JcaPKCS10CertificationRequestBuilder(subject, keys.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate()));
        SigningRequest request = SigningRequest.of(csr);
        assertThatThrownBy(() -> workspace.signRequest("bidi", request, Role.CLIENT, null, List.of(), Workspace.CA,
                false, null)).isInstanceOf(PkiException.class).hasMessageContaining("title")
                .satisfies(e -> assertThat(((PkiException) e).field()).isEqualTo("subject"));
        assertThat(ws.resolve("bidi.pem")).doesNotExist();
    }

    private static Credential sign(String name, Role role, List<SubjectAltName> extra) {
        return sign(name, name, role, extra);
    }

    private static Credential sign(String name, String csr, Role role, List<SubjectAltName> extra) {
        SigningRequest request = SigningRequest.read(csrs.resolve(csr + ".csr"));
        return workspace.signRequest(name, request, role, null, extra, Workspace.CA, false, null);
    }

    /** Subject DER and SAN extension equal the request's; OpenSSL verifies the result strictly; lint is clean. */
    private static void assertKeptExactly(String name, Credential signed) throws Exception {
        PKCS10CertificationRequest csr = csr(name);
        X509CertificateHolder holder = new X509CertificateHolder(signed.certificate().getEncoded());
        assertThat(holder.getSubject().getEncoded()).isEqualTo(csr.getSubject().getEncoded());
        assertThat(issuedNames(signed).getEncoded()).isEqualTo(requestedNames(name).getEncoded());
        ExternalTool.Result verify = ExternalTool.run(ws, "openssl", "verify", "-x509_strict", "-CAfile", "ca.pem",
                name + ".pem");
        assertThat(verify.output()).contains(name + ".pem: OK");
        Credential stored = workspace.credential(name, null);
        assertThat(Lint.check(LintRequest.forIdentity(workspace, name, workspace.identity(name).orElseThrow().role(),
                stored))).noneMatch(finding -> finding.severity() != Finding.Severity.INFO);
    }

    private static GeneralNames issuedNames(Credential signed) throws Exception {
        X509CertificateHolder holder = new X509CertificateHolder(signed.certificate().getEncoded());
        return GeneralNames.fromExtensions(holder.getExtensions(), Extension.subjectAlternativeName);
    }

    private static GeneralNames requestedNames(String name) throws Exception {
        Extensions extensions = Extensions.getInstance(csr(name)
                .getAttributes(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest)[0].getAttrValues().getObjectAt(0));
        return GeneralNames.fromExtensions(extensions, Extension.subjectAlternativeName);
    }

    private static PKCS10CertificationRequest csr(String name) throws Exception {
        return new PKCS10CertificationRequest(Pem.readObjects(Files.readString(csrs.resolve(name + ".csr")),
                name).stream().filter(PKCS10CertificationRequest.class::isInstance)
                .map(PKCS10CertificationRequest.class::cast).findFirst().orElseThrow().getEncoded());
    }

    private static void openssl(String... arguments) {
        List<String> command = new java.util.ArrayList<>(List.of("openssl"));
        command.addAll(List.of(arguments));
        ExternalTool.Result result = ExternalTool.run(csrs, null, command);
        assertThat(result.ok()).as(String.join(" ", command) + "\n" + result.output()).isTrue();
    }
}
