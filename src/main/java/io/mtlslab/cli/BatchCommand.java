package io.mtlslab.cli;

import io.mtlslab.pki.KeyType;
import io.mtlslab.pki.Workspace;
import io.mtlslab.workshop.BatchIssuance;
import io.mtlslab.workshop.StudentPasswords;
import io.mtlslab.text.Texts;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mtls-lab batch CSV}: one client identity with its own .p12 and password per CSV row. */
@Command(name = "batch", mixinStandardHelpOptions = true,
        description = {"Issue one client identity per row of a CSV file with the header name,CN,OU,email"
                + " (OU and email may be empty), each with its own NAME.p12 and a generated password.",
            "Passwords go to passwords.csv in the workspace (owner-only) and are not printed unless"
                + " --show-passwords is given. Bad rows are reported by line and skipped; the exit status is 1"
                + " when any row was skipped."})
public final class BatchCommand implements Callable<Integer> {

    @Mixin
    WorkspaceOption workspace;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "CSV", description = "The CSV file, UTF-8, e.g. students.csv.")
    Path csv;

    @Option(names = "--days", paramLabel = "N", description = "Validity in days (default: ${DEFAULT-VALUE}).")
    int days = 365;

    @Option(names = "--key", paramLabel = "TYPE", description = "Key type (default: ${DEFAULT-VALUE}): rsa-2048,"
            + " rsa-3072, rsa-4096, ec-p256, ec-p384, ec-p521, ed25519.")
    String key = KeyType.EC_P256.id();

    @Option(names = "--force", description = "Replace identities that already exist.")
    boolean force;

    @Option(names = "--show-passwords", description = "Also print name,password of every issued identity.")
    boolean showPasswords;

    @Option(names = "--ca-key-password", paramLabel = "PASSWORD", interactive = true, arity = "0..1",
            description = "Password of ca.key, if it is encrypted.")
    char[] caKeyPassword;

    @Override
    public Integer call() {
        BatchIssuance.Options options = new BatchIssuance.Options(days, KeyType.parse(key), force);
        Workspace ws = workspace.open();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        BatchIssuance.Result result = BatchIssuance.run(ws, csv, options, (done, total, name) -> {
            if (name != null) {
                out.printf("[%d/%d] issued %s%n", done, total, name);
            }
        }, caKeyPassword);
        if (!result.removedLeftovers().isEmpty()) {
            err.println(Texts.text("batch.leftoversRemoved", result.removedLeftovers().stream()
                    .map(file -> String.valueOf(file.getFileName())).collect(java.util.stream.Collectors.joining(", "))));
        }
        result.problems().forEach(problem -> err.println(Texts.text("batch.skipped", String.valueOf(problem.line()),
                problem.message())));
        out.printf("%d identities issued, %d rows skipped; .p12 passwords in %s%n", result.issued().size(),
                result.problems().size(), result.passwordsFile());
        if (showPasswords) {
            StudentPasswords passwords = StudentPasswords.of(ws);
            out.println("name,password");
            result.issued().forEach(issued -> out.println(issued.name() + ","
                    + new String(passwords.find(issued.name()).orElseThrow())));
        }
        return result.problems().isEmpty() && !result.cancelled() ? 0 : 1;
    }
}
