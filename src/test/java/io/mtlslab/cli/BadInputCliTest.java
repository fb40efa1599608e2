package io.mtlslab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtlslab.testing.TestPki;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input exits with status 2 and one line naming the field and the fix, and changes nothing in
 * the workspace (same files, same bytes).
 */
class BadInputCliTest {

    static Path ws;
    static Path inputs;

    @BeforeAll
    static void seed(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        ws = dir.resolve("ws");
        TestPki.seedWorkspace(ws);
        inputs = Files.createDirectories(dir.resolve("inputs"));
        Files.writeString(inputs.resolve("corrupt.pem"),
                "-----BEGIN CERTIFICATE-----\nMIIBzzCCAXWgAwIBAgIQ\n-----END CERTIFICATE-----\n");
        Files.writeString(inputs.resolve("corrupt.csr"),
                "-----BEGIN CERTIFICATE REQUEST-----\nMIIBzz@@@\n-----END CERTIFICATE REQUEST-----\n");
        CliRun p12 = CliRun.of("export", "ca", "--dir", ws.toString(), "--format", "p12", "--password", "right",
                "--out", inputs.resolve("ca.p12").toString());
        assertThat(p12.exitCode()).as(p12.toString()).isZero();
    }

    static Stream<Arguments> badInputs() {
        return Stream.of(
                Arguments.of("cn", "common name", new String[] {"ca", "create", "--name", "ca2", "--cn", "", "--key", "ec-p256"}),
                Arguments.of("san", "0-255", new String[] {"server", "issue", "--name", "s2", "--san", "ip:999.1.1.1"}),
                Arguments.of("san", "unknown SAN kind", new String[] {"server", "issue", "--name", "s2", "--san", "host:x"}),
                Arguments.of("days", "at least 1 day", new String[] {"client", "issue", "--name", "c2", "--days", "0"}),
                Arguments.of("days", "at least 1 day", new String[] {"ca", "create", "--name", "ca2", "--days", "-5"}),
                Arguments.of("days", "not a number of days", new String[] {"sign-csr", ws.resolve("server.pem").toString(),
                        "--name", "x", "--days", "abc"}),
                Arguments.of("key", "unknown key type", new String[] {"ca", "create", "--name", "ca2", "--key", "rsa-1024"}),
                Arguments.of("c", "two-letter", new String[] {"ca", "create", "--name", "ca2", "--c", "BRA"}),
                Arguments.of("issuer", "not a CA", new String[] {"client", "issue", "--name", "c2", "--issuer", "server"}),
                Arguments.of("ca", "not a CA certificate", new String[] {"import-ca", ws.resolve("server.pem").toString(),
                        ws.resolve("server.key").toString(), "--name", "ca2"}),
                Arguments.of("key", "does not belong", new String[] {"import-ca", ws.resolve("ca.pem").toString(),
                        ws.resolve("client.key").toString(), "--name", "ca2"}),
                Arguments.of("password", "wrong password", new String[] {"import-ca", inputs.resolve("ca.p12").toString(),
                        "--password", "wrong", "--name", "ca2"}),
                Arguments.of("password", "wrong password", new String[] {"inspect", inputs.resolve("ca.p12").toString(),
                        "--password", "wrong"}),
                Arguments.of("file", "not valid PEM", new String[] {"inspect", inputs.resolve("corrupt.pem").toString()}),
                Arguments.of("file", "not valid PEM", new String[] {"lint", inputs.resolve("corrupt.pem").toString()}),
                Arguments.of("csr", "not valid PEM", new String[] {"sign-csr", inputs.resolve("corrupt.csr").toString(),
                        "--name", "x"}),
                Arguments.of("force", "already exists", new String[] {"server", "issue", "--key", "ec-p256"}),
                Arguments.of("force", "already exists", new String[] {"ca", "create", "--key", "ec-p256"}),
                Arguments.of("force", "already exists", new String[] {"export", "client", "--format", "pem", "--out",
                        ws.resolve("client.pem").toString()}),
                Arguments.of("p12-password", "not set", new String[] {"client", "issue", "--name", "c2",
                        "--p12-password", "env:MTLS_LAB_SURELY_UNSET_VARIABLE"}),
                Arguments.of("key-password", "cannot read the password file", new String[] {"client", "issue", "--name",
                        "c2", "--key-password", "file:/nonexistent/pw.txt"}),
                Arguments.of("password", "needs a password", new String[] {"export", "client", "--format", "p12"}),
                Arguments.of("format", "unknown export format", new String[] {"export", "client", "--format", "jks"}),
                Arguments.of("name", "no identity", new String[] {"export", "nobody", "--format", "pem"}),
                Arguments.of("name", "cannot be an identity name", new String[] {"server", "issue", "--name", "../evil"}),
                Arguments.of("not-after", "not a date-time", new String[] {"client", "issue", "--name", "c2",
                        "--not-after", "2020-13-45"}),
                Arguments.of("role", "unknown role", new String[] {"lint", ws.resolve("server.pem").toString(),
                        "--role", "admin"}));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("badInputs")
    void exitsTwoWithOneLineAndWritesNothing(String field, String message, String[] args) throws IOException {
        Map<String, byte[]> before = snapshot();
        String[] withDir = args;
        if (!args[0].equals("inspect") && !args[0].equals("lint")) {
            withDir = Stream.concat(Stream.of(args), Stream.of("--dir", ws.toString())).toArray(String[]::new);
        }
        CliRun run = CliRun.of(withDir);

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err().strip().lines()).as(run.toString()).hasSize(1);
        assertThat(run.err()).startsWith("error: " + field + ": ").contains(message).contains(" — ");
        assertThat(run.err()).doesNotContain("right").doesNotContain("Exception");
        assertThat(run.out()).isEmpty();
        Map<String, byte[]> after = snapshot();
        assertThat(after.keySet()).isEqualTo(before.keySet());
        before.forEach((name, bytes) -> assertThat(after.get(name)).as(name).isEqualTo(bytes));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedCommandLines")
    void malformedCommandLineExitsTwoWithOneLinePointingToHelp(String description, String[] args) throws IOException {
        Map<String, byte[]> before = snapshot();
        CliRun run = CliRun.of(Stream.concat(Stream.of(args), Stream.of("--dir", ws.toString())).toArray(String[]::new));

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err().strip().lines()).as(run.toString()).hasSize(1);
        assertThat(run.err()).startsWith("error: ").contains("--help'");
        assertThat(run.out()).isEmpty();
        assertThat(snapshot().keySet()).isEqualTo(before.keySet());
    }

    static Stream<Arguments> malformedCommandLines() {
        return Stream.of(
                Arguments.of("unknown option", new String[] {"server", "issue", "--colour", "blue"}),
                Arguments.of("non-number path length", new String[] {"ca", "create", "--name", "ca2", "--path-len", "x"}),
                Arguments.of("missing option value", new String[] {"client", "issue", "--name", "c2", "--cn"}));
    }

    static Map<String, byte[]> snapshot() throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        for (Path root : new Path[] {ws, inputs}) {
            try (Stream<Path> paths = Files.list(root)) {
                for (Path path : paths.toList()) {
                    files.put(path.toString(), Files.readAllBytes(path));
                }
            }
        }
        return files;
    }
}
