package io.mtlslab.cli;

import io.mtlslab.pki.Credential;
import io.mtlslab.pki.Role;
import io.mtlslab.pki.SigningRequest;
import io.mtlslab.pki.Validity;
import io.mtlslab.pki.Workspace;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code mtls-lab sign-csr}: the seed's {@code openssl x509 -req} step, keeping the request's SANs. */
@Command(name = "sign-csr", mixinStandardHelpOptions = true,
        description = "Sign an external CSR (e.g. from openssl req -new) with the workspace CA; keeps its subject and SANs.")
final class SignCsrCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    WorkspaceOption workspace;

    @Parameters(index = "0", paramLabel = "CSR", description = "The request, PEM or DER.")
    Path csrFile;

    @Option(names = "--name", paramLabel = "NAME",
            description = "Writes NAME.pem (default: the CSR's file name without extension, e.g. server).")
    String name;

    @Option(names = "--role", paramLabel = "ROLE", defaultValue = "server",
            description = "server, client or intermediate (default ${DEFAULT-VALUE}): decides EKU, key usage and CA flag.")
    String role;

    @Option(names = "--days", paramLabel = "N", description = "Validity in days (default 365).")
    String days;

    @Option(names = "--not-before", paramLabel = "INSTANT", description = "Explicit start of validity (ISO instant).")
    String notBefore;

    @Option(names = "--not-after", paramLabel = "INSTANT", description = "Explicit end of validity (ISO instant).")
    String notAfter;

    @Option(names = "--san", paramLabel = "KIND:VALUE", description = "Extra SAN besides the CSR's own, repeatable.")
    java.util.List<String> sans = new java.util.ArrayList<>();

    @Option(names = "--issuer", paramLabel = "NAME", defaultValue = Workspace.CA,
            description = "The CA that signs (default ${DEFAULT-VALUE}).")
    String issuer;

    @Option(names = "--issuer-key-password", paramLabel = "PW",
            description = "Password of the issuing CA's key, if encrypted (value, env:VAR or file:PATH).")
    String issuerKeyPassword;

    @Option(names = "--force", description = "Replace an existing NAME.pem.")
    boolean force;

    @Override
    public Integer call() {
        IssueOptions validity = new IssueOptions();
        validity.days = days;
        validity.notBefore = notBefore;
        validity.notAfter = notAfter;
        validity.sans = sans;
        Role chosen = Role.parse(role);
        String target = name != null ? name : baseName(csrFile);
        Workspace.checkName(target);
        Validity bounds = validity.validity(chosen.isCa() ? 1825 : 365);
        var extra = validity.subjectAltNames();
        char[] issuerPassword = Passwords.resolve("issuer-key-password", issuerKeyPassword);
        SigningRequest request = SigningRequest.read(csrFile);
        Workspace ws = workspace.open();
        Credential signed = ws.signRequest(target, request, chosen, bounds, extra, issuer, force, issuerPassword);
        IssuedSummary.print(spec.commandLine().getOut(), ws, target, signed);
        return 0;
    }

    private static String baseName(Path file) {
        String fileName = file.getFileName().toString();
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }
}
