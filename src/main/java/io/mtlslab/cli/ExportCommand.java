package io.mtlslab.cli;

import io.mtlslab.pki.Credential;
import io.mtlslab.pki.ExportFormat;
import io.mtlslab.pki.Exports;
import io.mtlslab.pki.SecureFiles;
import io.mtlslab.pki.Workspace;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code mtls-lab export NAME --format ...}: one identity in one of the P5 formats. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Export an identity: pem (NAME.crt), chain (NAME-fullchain.pem), der (NAME.der), "
                + "key (PKCS#8, NAME-pkcs8.key), p12 (NAME.p12, AES), p12-legacy (NAME-legacy.p12, 3DES), "
                + "truststore (NAME-truststore.p12, the CA only).")
final class ExportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    WorkspaceOption workspace;

    @Parameters(index = "0", paramLabel = "NAME", description = "The identity: ca, server, client, ...")
    String name;

    @Option(names = "--format", paramLabel = "FORMAT", required = true,
            description = "pem, chain, der, key, p12, p12-legacy or truststore.")
    String format;

    @Option(names = "--out", paramLabel = "FILE", description = "Output file (default: in the workspace, named as above).")
    Path out;

    @Option(names = "--password", paramLabel = "PW",
            description = "Password of the .p12 (required for p12 formats) or of the exported key (value, env:VAR or file:PATH).")
    String password;

    @Option(names = "--key-password", paramLabel = "PW",
            description = "Password of the identity's key in the workspace, if encrypted.")
    String keyPassword;

    @Option(names = "--force", description = "Replace an existing output file.")
    boolean force;

    @Override
    public Integer call() {
        ExportFormat chosen = ExportFormat.parse(format);
        Workspace.checkName(name);
        char[] exportPassword = Passwords.resolve("password", password);
        char[] sourcePassword = Passwords.resolve("key-password", keyPassword);
        Workspace ws = workspace.open();
        Path target = out != null ? out : ws.dir().resolve(chosen.fileName(name));
        SecureFiles.requireAbsent(force, target);
        Credential credential = chosen.secret() ? ws.credential(name, sourcePassword) : ws.certificateChain(name);
        byte[] content = Exports.export(credential, chosen, name, exportPassword);
        if (chosen.secret()) {
            SecureFiles.writeSecret(target, content);
        } else {
            SecureFiles.write(target, content);
        }
        spec.commandLine().getOut().printf("wrote %s (%s, %d bytes)%n", target, chosen.id(), content.length);
        return 0;
    }
}
