package io.mtlslab.cli;

import io.mtlslab.pki.Pem;
import io.mtlslab.pki.inspect.Inspector;
import io.mtlslab.pki.PkiException;
import io.mtlslab.pki.Role;
import io.mtlslab.pki.Workspace;
import io.mtlslab.pki.lint.Finding;
import io.mtlslab.pki.lint.Lint;
import io.mtlslab.pki.lint.LintRequest;
import io.mtlslab.text.Texts;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code mtls-lab lint FILE}: the mTLS pre-flight check. Exit status 0 when there is no error
 * finding, 1 when there is one (the certificate will fail), 2 for bad input.
 */
@Command(name = "lint", mixinStandardHelpOptions = true,
        description = "Check a certificate (and optionally its key, chain and CA) for what would break mTLS.")
final class LintCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE",
            description = "PEM certificate; further certificates in the file are taken as its chain.")
    Path file;

    @Option(names = "--role", paramLabel = "ROLE", description = "ca, intermediate, server or client (default: from the certificate's EKU).")
    String role;

    @Option(names = "--host", paramLabel = "HOST", description = "The host name or IP clients connect to; must be in the SANs.")
    String host;

    @Option(names = "--key", paramLabel = "KEYFILE", description = "The private key; must match the certificate.")
    Path key;

    @Option(names = "--key-password", paramLabel = "PW", description = "Password of an encrypted key (value, env:VAR or file:PATH).")
    String keyPassword;

    @Option(names = "--ca", paramLabel = "CAFILE", description = "Trust anchor(s) the chain must reach, e.g. ca.pem.")
    Path ca;

    @Option(names = "--dir", paramLabel = "WS", description = "Also check against this workspace: its CA as the "
            + "trust anchor (unless --ca is given) and its CA's record of revoked certificates.")
    Path workspace;

    @Option(names = "--json", description = "Print the findings as JSON.")
    boolean json;

    @Override
    public Integer call() {
        Role chosen = role == null ? null : Role.parse(role);
        if (host != null && host.isBlank()) {
            throw PkiException.of("host", "hostEmpty");
        }
        List<X509Certificate> certificates = Inspector.certificates(file, null);
        LintRequest request = LintRequest.of(certificates.get(0))
                .withChain(certificates.subList(1, certificates.size())).withRole(chosen).withHost(host);
        if (key != null) {
            request = request.withKey(Pem.readPrivateKey(key, Passwords.resolve("key-password", keyPassword)));
        }
        if (ca != null) {
            request = request.withAnchors(Pem.readCertificates(ca));
        }
        if (workspace != null) {
            Workspace opened = Workspace.open(workspace);
            if (ca == null && opened.hasCa()) {
                request = request.withAnchors(List.of(opened.caCertificate()));
            }
            request = request.withRevocationsOf(opened);
        }
        List<Finding> findings = Lint.check(request);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            // The stable code stays; what and fix are in the chosen language (--lang or the locale).
            List<Map<String, Object>> rows = findings.stream().map(f -> {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("severity", f.severity().name());
                row.put("code", f.code());
                row.put("what", f.what());
                row.put("fix", f.fix());
                return row;
            }).toList();
            out.println(JsonOutput.render(rows));
        } else {
            String fixLabel = Texts.text("lint.fixLabel");
            for (Finding finding : findings) {
                out.printf("%-7s %s: %s%n        %s: %s%n", Finding.severityName(finding.severity()).text(),
                        finding.code(), finding.what(), fixLabel, finding.fix());
            }
            long errors = findings.stream().filter(f -> f.severity() == Finding.Severity.ERROR).count();
            long warnings = findings.stream().filter(f -> f.severity() == Finding.Severity.WARNING).count();
            out.println(Texts.text("lint.summary", file.getFileName().toString(), String.valueOf(errors),
                    String.valueOf(warnings), String.valueOf(findings.size() - errors - warnings)));
        }
        return Lint.hasErrors(findings) ? 1 : 0;
    }
}
