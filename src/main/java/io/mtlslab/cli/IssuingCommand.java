package io.mtlslab.cli;

import io.mtlslab.pki.CertificateSpec;
import io.mtlslab.pki.Credential;
import io.mtlslab.pki.IdentityEntry;
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
        IdentityEntry replaced = replacedEntry(ws, name);
        Credential issued = ws.issue(name, certificate, issuer, issue.force, keyPassword, issuerPassword);
        print(ws, name, issued);
        afterReplacing(ws, name, replaced, false);
    }

    /** With --force over an identity that is not revoked: its index entry before it is replaced. */
    IdentityEntry replacedEntry(Workspace ws, String name) {
        return !issue.force ? null : ws.identity(name).filter(e -> !e.revoked()).orElse(null);
    }

    /**
     * After a re-issue over {@code name}: says that the replaced certificate stays valid (whoever holds it
     * can still use it; {@code revoke NAME} revokes it too when the workspace's current root issued it), and
     * moves aside a {@code NAME.p12} that was not rewritten: it holds the replaced certificate and key, which
     * must not pass for the new ones, and may be the only copy left of that key.
     */
    void afterReplacing(Workspace ws, String name, IdentityEntry replaced, boolean p12Rewritten) {
        if (replaced == null) {
            return;
        }
        java.io.PrintWriter out = spec.commandLine().getOut();
        boolean byRoot = Workspace.CA.equals(replaced.issuer());
        out.printf(byRoot ? "the certificate it replaces (serial %s) stays valid until it expires; mtls-lab revoke %s"
                + " revokes it together with the new one%n" : "the certificate it replaces (serial %s) stays valid"
                + " until it expires%n", replaced.serialHex(), name);
        Path p12 = ws.p12File(name);
        if (!p12Rewritten && java.nio.file.Files.exists(p12)) {
            Path aside = p12.resolveSibling(name + "-replaced-" + replaced.serialHex() + ".p12");
            try {
                java.nio.file.Files.move(p12, aside, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("cannot move " + p12 + " aside", e);
            }
            out.printf("moved %s to %s: it holds the replaced certificate and key (mtls-lab export %s --format p12"
                    + " makes one of the new)%n", p12.getFileName(), aside.getFileName(), name);
        }
    }

    void print(Workspace ws, String name, Credential credential, Path... extra) {
        IssuedSummary.print(spec.commandLine().getOut(), ws, name, credential, extra);
    }
}
