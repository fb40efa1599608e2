package io.mtlslab.cli;

import io.mtlslab.pki.CaImport;
import io.mtlslab.pki.Credential;
import io.mtlslab.pki.Pem;
import io.mtlslab.pki.PkiException;
import io.mtlslab.pki.Workspace;
import io.mtlslab.text.Texts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code mtls-lab import-ca}: makes an existing CA (PEM pair or PKCS#12) the workspace's CA. */
@Command(name = "import-ca", mixinStandardHelpOptions = true,
        description = "Import an existing CA as ca.pem/ca.key: a PEM certificate and its key file, or a PKCS#12 file.")
final class ImportCaCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    WorkspaceOption workspace;

    @Parameters(index = "0", paramLabel = "CERT", description = "The CA certificate (PEM), or a .p12 holding certificate and key.")
    Path certificateFile;

    @Parameters(index = "1", paramLabel = "KEY", arity = "0..1",
            description = "The CA's private key (PEM); not needed for a .p12 or a PEM file holding both.")
    Path keyFile;

    @Option(names = "--password", paramLabel = "PW",
            description = "Password of the .p12 or of an encrypted key (value, env:VAR or file:PATH).")
    String password;

    @Option(names = "--name", paramLabel = "NAME", defaultValue = Workspace.CA,
            description = "Name in the workspace (default ${DEFAULT-VALUE}).")
    String name;

    @Option(names = "--key-password", paramLabel = "PW",
            description = "Encrypt the stored key (PKCS#8, AES-256) with this password (value, env:VAR or file:PATH).")
    String keyPassword;

    @Option(names = "--force", description = "Replace an existing CA of the same name.")
    boolean force;

    @Override
    public Integer call() {
        Workspace.checkName(name);
        char[] sourcePassword = Passwords.resolve("password", password);
        char[] storedPassword = Passwords.resolve("key-password", keyPassword);
        Credential ca;
        if (isPem(certificateFile)) {
            ca = CaImport.fromPem(certificateFile, keyFile != null ? keyFile : certificateFile, sourcePassword);
        } else {
            if (keyFile != null) {
                throw PkiException.of("file", "importP12NoKeyFile", String.valueOf(certificateFile));
            }
            ca = CaImport.fromPkcs12(certificateFile, sourcePassword);
        }
        Workspace ws = workspace.open();
        ws.importCa(name, ca, force, storedPassword);
        IssuedSummary.print(spec.commandLine().getOut(), ws, name, ca);
        java.io.PrintWriter err = spec.commandLine().getErr();
        if (sourcePassword != null && storedPassword == null) {
            // the key was protected where it came from; say so rather than weaken it silently
            err.println(Texts.text("cli.importCa.keyNowUnencrypted", ws.keyFile(name).getFileName()));
        }
        if (!io.mtlslab.pki.KeyUsage.present(ca.certificate())) {
            err.println(Texts.text("cli.importCa.noKeyUsage"));
        }
        return 0;
    }

    private static boolean isPem(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains("-----BEGIN");
        } catch (IOException e) {
            Pem.readText(file); // fails with the file field's message
            return false;
        }
    }
}
