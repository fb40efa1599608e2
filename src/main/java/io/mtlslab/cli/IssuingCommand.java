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
        Credential issued = ws.issue(name, certificate, issuer, issue.force, keyPassword, issuerPassword);
        print(ws, name, issued);
    }

    void print(Workspace ws, String name, Credential credential, Path... extra) {
        IssuedSummary.print(spec.commandLine().getOut(), ws, name, credential, extra);
    }
}
