package io.mtlslab.cli;

import io.mtlslab.pki.Certificates;
import io.mtlslab.pki.Credential;
import io.mtlslab.pki.SubjectName;
import io.mtlslab.pki.Workspace;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Prints, after an issuing command, which files were written and what the certificate says. */
final class IssuedSummary {

    private IssuedSummary() {
    }

    static void print(PrintWriter out, Workspace workspace, String name, Credential credential, Path... extra) {
        List<String> files = new ArrayList<>();
        for (Path path : new Path[] {workspace.certificateFile(name), workspace.keyFile(name), workspace.chainFile(name)}) {
            if (Files.exists(path) && (credential.privateKey() != null || !path.equals(workspace.keyFile(name)))) {
                files.add(path.getFileName().toString());
            }
        }
        for (Path path : extra) {
            files.add(path.getFileName().toString());
        }
        out.printf("%s: %s%n", name, SubjectName.oneLine(Certificates.x500Name(credential.certificate())));
        out.printf("  key %s, serial %s, valid %s to %s%n", Certificates.keyDescription(credential.certificate()),
                Certificates.serialHex(credential.certificate()), credential.certificate().getNotBefore().toInstant(),
                credential.certificate().getNotAfter().toInstant());
        out.printf("  wrote %s in %s%n", String.join(", ", files), workspace.dir());
    }
}
