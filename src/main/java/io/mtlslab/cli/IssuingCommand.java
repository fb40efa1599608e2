package io.mtlslab.cli;

import io.mtlslab.pki.CertificateSpec;
import io.mtlslab.pki.Credential;
import io.mtlslab.pki.Role;
import io.mtlslab.pki.Workspace;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * What {@code ca create}, {@code intermediate create}, {@code server issue} and {@code client issue} have in
 * common: the workspace, subject and issue options, and the recipe check name → build spec → issue → print.
 */
abstract class IssuingCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    WorkspaceOption workspace;

    @Mixin
    SubjectOptions subject;

    @Mixin
    IssueOptions issue;

    /** Checks the file name, then builds the spec from the options over these defaults (nothing is written yet). */
    CertificateSpec certificate(String name, Role role, String defaultUnit, String defaultCommonName,
            Integer pathLength, int defaultDays) {
        Workspace.checkName(name);
        return issue.apply(CertificateSpec.builder(role)
                .subject(subject.subject(defaultUnit, defaultCommonName)).pathLength(pathLength), defaultDays).build();
    }

    /** Issues {@code name} signed by {@code issuer} in the workspace and prints what was written. */
    void issueAndPrint(String name, CertificateSpec certificate, String issuer) {
        char[] keyPassword = issue.keyPassword();
        char[] issuerPassword = issue.issuerKeyPassword();
        Workspace ws = workspace.open();
        String replaced = replacedSerial(ws, name);
        Credential issued = ws.issue(name, certificate, issuer, issue.force, keyPassword, issuerPassword);
        print(ws, name, issued);
        afterReplacing(ws, name, replaced, false);
    }

    /** With --force over an identity that is not revoked: the serial of the certificate about to be replaced. */
    String replacedSerial(Workspace ws, String name) {
        return !issue.force ? null : ws.identity(name).filter(e -> !e.revoked()).map(e -> e.serialHex()).orElse(null);
    }

    /**
     * After a re-issue over {@code name}: says that the replaced certificate stays valid (whoever holds it
     * can still use it until {@code revoke NAME}, which revokes it too), and deletes a {@code NAME.p12} that
     * still holds the replaced certificate and key unless it was just rewritten.
     */
    void afterReplacing(Workspace ws, String name, String replacedSerial, boolean p12Rewritten) {
        if (replacedSerial == null) {
            return;
        }
        java.io.PrintWriter out = spec.commandLine().getOut();
        boolean byRoot = Workspace.CA.equals(ws.identity(name).map(e -> e.issuer()).orElse(null));
        out.printf(byRoot ? "the certificate it replaces (serial %s) stays valid until it expires; mtls-lab revoke %s"
                + " revokes it together with the new one%n" : "the certificate it replaces (serial %s) stays valid"
                + " until it expires%n", replacedSerial, name);
        Path p12 = ws.p12File(name);
        if (!p12Rewritten && java.nio.file.Files.exists(p12)) {
            try {
                java.nio.file.Files.delete(p12);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("cannot delete " + p12, e);
            }
            out.printf("deleted %s: it held the replaced certificate and key (mtls-lab export %s --format p12 makes"
                    + " a new one)%n", p12.getFileName(), name);
        }
    }

    void print(Workspace ws, String name, Credential credential, Path... extra) {
        IssuedSummary.print(spec.commandLine().getOut(), ws, name, credential, extra);
    }
}
