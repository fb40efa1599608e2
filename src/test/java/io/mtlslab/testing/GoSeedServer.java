package io.mtlslab.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The seed's Go mTLS server (article 000's helloHandler), built with {@code go build} once per test run,
 * with the {@code tls.Config} choices of article 001's pitfalls: {@code -mode} is the
 * {@code tls.ClientAuthType} and {@code -cas ""} leaves {@code ClientCAs} nil, so Go falls back to the
 * system pool and lists no CA names. It listens on 127.0.0.1 port 0 and prints the address it got.
 */
public final class GoSeedServer implements AutoCloseable {

    /** The server's source, also built by bench/handshakes.sh. */
    private static final String SOURCE = "seed_server.go";

    private final Process process;
    private final int port;

    private GoSeedServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * Starts the seed's server in {@code workspace} (which holds server.pem, server.key and ca.pem).
     *
     * @param mode a {@code tls.ClientAuthType} name, e.g. {@code RequestClientCert}
     * @param withClientCas {@code false} leaves {@code ClientCAs} nil (the system pool)
     */
    public static GoSeedServer start(Path workspace, String mode, boolean withClientCas) throws IOException,
            InterruptedException {
        Path built = build();
        List<String> command = new ArrayList<>(List.of(built.toString(), "-mode", mode, "-cas",
                withClientCas ? "ca.pem" : ""));
        Process process = new ProcessBuilder(command).directory(workspace.toFile()).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String address = out.readLine();
        if (address == null || !address.contains(":")) {
            process.destroyForcibly();
            throw new IOException("the Go server did not start: " + address);
        }
        Thread drain = new Thread(() -> {
            try {
                while (out.readLine() != null) {
                    // keep the pipe empty; the server logs handshake errors here
                }
            } catch (IOException ended) {
                // the process ended
            }
        }, "go-seed-server-output");
        drain.setDaemon(true);
        drain.start();
        return new GoSeedServer(process, Integer.parseInt(address.substring(address.lastIndexOf(':') + 1)));
    }

    public String url() {
        return "https://localhost:" + port + "/";
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    private static Path build() throws IOException, InterruptedException {
        return GoProgram.build(SOURCE);
    }
}
