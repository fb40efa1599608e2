package io.mtlslab.cli;

import io.mtlslab.pki.inspect.InspectedFile;
import io.mtlslab.pki.inspect.Inspector;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code mtls-lab inspect FILE}: every field of a certificate, key, CSR, CRL or PKCS#12 file. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Decode a certificate, chain, private key, CSR, CRL or PKCS#12 file (PEM or DER, detected from the content).")
final class InspectCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The file to decode.")
    Path file;

    @Option(names = "--json", description = "Print machine-readable JSON.")
    boolean json;

    @Option(names = "--password", paramLabel = "PW",
            description = "Password of a PKCS#12 file or an encrypted key (value, env:VAR or file:PATH).")
    String password;

    @Override
    public Integer call() {
        InspectedFile inspected = Inspector.inspect(file, Passwords.resolve("password", password));
        if (json) {
            spec.commandLine().getOut().println(JsonOutput.render(inspected));
        } else {
            InspectionText.print(spec.commandLine().getOut(), inspected);
        }
        return 0;
    }
}
