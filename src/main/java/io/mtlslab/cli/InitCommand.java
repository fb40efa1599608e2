package io.mtlslab.cli;

import io.mtlslab.pki.CertificateSpec;
import io.mtlslab.pki.ExportFormat;
import io.mtlslab.pki.Exports;
import io.mtlslab.pki.KeyType;
import io.mtlslab.pki.Role;
import io.mtlslab.pki.SecureFiles;
import io.mtlslab.pki.SeedSet;
import io.mtlslab.pki.SubjectName;
import io.mtlslab.pki.Validity;
import io.mtlslab.pki.Workspace;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mtls-lab init}: the seed's whole set — CA, server and client — in one process, the same files
 * as {@code ca create}, {@code server issue} and {@code client issue} with their defaults.
 */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = {"Create the article's certificate set (its OpenSSL recipe) in one step: ca.pem/ca.key (CN=MinhaCA, OU=TI, 3650 days),"
                + " server.pem/server.key (CN=localhost, SANs localhost, 127.0.0.1, ::1) and client.pem/client.key"
                + " (CN=Cliente, OU=CODIGODOCLIENTE), 365 days, with C=BR, ST=Estado, L=Cidade, O=MinhaEmpresa."
                + " Keys: RSA 4096 for the CA and RSA 2048 for the leaves, as the OpenSSL recipe, generated in"
                + " parallel; --key ec-p256 for all three in well under a second.",
            "Nothing is written when any of the six files exists, unless --force."})
final class InitCommand implements Callable<Integer> {

    @Mixin
    WorkspaceOption workspace;

    @Option(names = "--key", paramLabel = "TYPE", description = "Key type of all three, e.g. ec-p256, rsa-2048"
            + " (default: rsa-4096 for the CA, rsa-2048 for server and client).")
    String keyType;

    @Option(names = "--days", paramLabel = "N", description = "Validity of server and client in days (default 365).")
    int days = 365;

    @Option(names = "--o", paramLabel = "ORG", description = "Organization (O) of all three; default MinhaEmpresa.")
    String organization = "MinhaEmpresa";

    @Option(names = "--c", paramLabel = "CC", description = "Country (C); default BR.")
    String country = "BR";

    @Option(names = "--st", paramLabel = "STATE", description = "State (ST); default Estado.")
    String state = "Estado";

    @Option(names = "--l", paramLabel = "CITY", description = "Locality (L); default Cidade.")
    String locality = "Cidade";

    @Option(names = "--p12-password", paramLabel = "PW",
            description = "Also write client.p12 (AES) with this password (value, env:VAR or file:PATH).")
    String p12Password;

    @Option(names = "--force", description = "Replace existing files.")
    boolean force;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (days < 1 || days > 36_500) {
            throw io.mtlslab.pki.PkiException.of("days", "initDaysRange", String.valueOf(days));
        }
        KeyType all = keyType == null ? null : KeyType.parse(keyType);
        char[] p12 = Passwords.resolve("p12-password", p12Password);
        Workspace ws = workspace.open();
        Path p12File = ws.p12File(Workspace.CLIENT);
        if (p12 != null) {
            SecureFiles.requireAbsent(force, p12File);
        }
        Instant now = Instant.now();
        CertificateSpec ca = spec(Role.ROOT_CA, "TI", "MinhaCA", all, Duration.ofDays(3650), now);
        CertificateSpec server = spec(Role.SERVER, "TI", "localhost", all, Duration.ofDays(days), now);
        CertificateSpec client = spec(Role.CLIENT, "CODIGODOCLIENTE", "Cliente", all, Duration.ofDays(days), now);
        SeedSet.Result set = SeedSet.create(ws, ca, server, client, force);
        var out = spec.commandLine().getOut();
        IssuedSummary.print(out, ws, Workspace.CA, set.ca());
        IssuedSummary.print(out, ws, Workspace.SERVER, set.server());
        if (p12 != null) {
            SecureFiles.writeSecret(p12File, Exports.export(set.client(), ExportFormat.P12, Workspace.CLIENT, p12));
            IssuedSummary.print(out, ws, Workspace.CLIENT, set.client(), p12File);
        } else {
            IssuedSummary.print(out, ws, Workspace.CLIENT, set.client());
        }
        return 0;
    }

    private CertificateSpec spec(Role role, String unit, String commonName, KeyType keys, Duration validFor,
                                 Instant now) {
        CertificateSpec.Builder builder = CertificateSpec.builder(role)
                .subject(new SubjectName(country, state, locality, organization, List.of(unit), commonName, null))
                .validity(new Validity(now, now.plus(validFor)));
        if (keys != null) {
            builder.keyType(keys);
        }
        return builder.build();
    }
}
