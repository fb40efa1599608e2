package io.mtlslab;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtlslab.testing.ExternalTool;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the README's five-minute tour as written, so the README cannot drift from the program: every
 * {@code sh} block of the tour's section runs in bash in a fresh folder, with {@code mtls-lab} being
 * this build (the build and the function-definition lines are the only ones left out), fixed ports
 * swapped for free ones and {@code sleep 5} for a wait until the server listens.
 */
class ReadmeTourTest {

    private static final Pattern BLOCK = Pattern.compile("```sh\\n(.*?)```", Pattern.DOTALL);

    @TempDir
    Path dir;

    @Test
    void theTourRunsAsPastedAndShowsWhatTheReadmeSays() throws Exception {
        ExternalTool.require("curl");
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        int start = readme.indexOf("## A five-minute tour");
        int end = readme.indexOf("\n## ", start + 1);
        assertThat(start).as("the README has its tour section").isPositive();
        List<String> lines = new ArrayList<>();
        Matcher block = BLOCK.matcher(readme.substring(start, end));
        while (block.find()) {
            for (String line : block.group(1).split("\n")) {
                if (!line.startsWith("mvn ") && !line.startsWith("mtls-lab() {")) {
                    lines.add(line);
                }
            }
        }
        String script = String.join("\n", lines);
        List<Integer> ports = new ArrayList<>();
        for (String port : List.of("8443", "8444")) {
            assertThat(script).contains(port);
            ports.add(freePort());
            script = script.replace(port, String.valueOf(ports.get(ports.size() - 1)));
        }
        // the n-th "sleep 5" waits for the n-th server
        for (int port : ports) {
            assertThat(script).contains("sleep 5");
            script = script.replaceFirst("sleep 5", "wait_for_port " + port);
        }

        String preamble = """
                mtls-lab() { java -cp "$MTLS_CP" io.mtlslab.Main "$@"; }
                wait_for_port() {
                    for _ in $(seq 1 300); do
                        (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0
                        sleep 0.2
                    done
                }
                """;
        Path file = dir.resolve("tour.sh");
        // whatever the tour leaves running in the background is stopped at the end, so the output closes
        Files.writeString(file, preamble + script + "\nkill $(jobs -p) 2>/dev/null\nexit 0\n");
        ProcessBuilder bash = new ProcessBuilder("bash", file.toString()).directory(dir.toFile()).redirectErrorStream(true);
        bash.environment().put("MTLS_CP", System.getProperty("java.class.path"));
        Path log = dir.resolve("tour.log");
        bash.redirectOutput(log.toFile());
        Process process = bash.start();
        boolean finished = process.waitFor(300, TimeUnit.SECONDS);
        if (!finished) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(finished).as("the tour finished in 5 minutes: %s", output).isTrue();
        assertThat(output).as(output).doesNotContain("no such job");

        assertThat(dir.resolve("lab/ca.pem")).isRegularFile();
        assertThat(dir.resolve("lab/client.key")).isRegularFile();
        assertThat(output).as(output)
                .contains("\"commonName\" : \"Cliente\"")                      // curl got the echo's JSON
                .contains("== Outcome: MUTUALLY_AUTHENTICATED")
                .contains("== Diagnosis: NO_CLIENT_CERTIFICATE")
                .contains("LIKELY AUTHENTICATION BYPASS", "error: ANSWERED_WITHOUT_CLIENT_AUTH")
                .contains("== 3 probes: 3 passed, 0 findings")
                .doesNotContain("command not found");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
