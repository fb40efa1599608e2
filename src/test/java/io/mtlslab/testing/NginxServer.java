package io.mtlslab.testing;

import io.mtlslab.pki.Credential;
import io.mtlslab.pki.Pem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real nginx (Debian's package) terminating mTLS for interoperability tests, started from a
 * generated configuration in a temporary folder: {@code ssl_verify_client}, the trusted client CAs
 * ({@code ssl_client_certificate}, whose names nginx also sends as its CA-names list) and
 * {@code ssl_verify_depth} are the test's choice; every request is answered {@code 200 hello <client DN>}.
 *
 * <p>nginx cannot listen on port 0, so a port the kernel just handed out is used, and another one is
 * tried when a race took it. Skipped where nginx is missing, a failure under CI (see {@link ExternalTool}).
 */
public final class NginxServer implements AutoCloseable {

    private final Process process;
    private final Path dir;
    private final int port;

    private NginxServer(Process process, Path dir, int port) {
        this.process = process;
        this.dir = dir;
        this.port = port;
    }

    /**
     * Starts nginx with {@code identity} as its server certificate, trusting {@code clientCas}.
     *
     * @param verifyClient {@code on}, {@code optional} or {@code optional_no_ca}
     * @param verifyDepth {@code ssl_verify_depth}; {@code null} keeps nginx's default (1)
     */
    public static NginxServer start(Path dir, Credential identity, List<X509Certificate> clientCas, String verifyClient,
                                    Integer verifyDepth) throws IOException, InterruptedException {
        return start(dir, identity, clientCas, verifyClient, verifyDepth, null, null);
    }

    /**
     * As above, with the TLS server's {@code location} blocks given ({@code null}: answer everyone
     * {@code 200 hello <client DN>}) and an optional plain-HTTP backend server block on another port,
     * for proxy set-ups; {@code BACKEND_PORT} in either text is replaced by the backend's port.
     */
    public static NginxServer start(Path dir, Credential identity, List<X509Certificate> clientCas, String verifyClient,
                                    Integer verifyDepth, String locations, String backendLocations)
            throws IOException, InterruptedException {
        ExternalTool.require("nginx");
        Files.createDirectories(dir.resolve("logs"));
        Files.writeString(dir.resolve("server.pem"), Pem.certificates(identity.tlsChain()));
        Files.writeString(dir.resolve("server.key"), Pem.privateKey(identity.privateKey()));
        Files.writeString(dir.resolve("client-cas.pem"), Pem.certificates(clientCas));
        IOException last = null;
        for (int attempt = 0; attempt < 5; attempt++) {
            int port = LocalPorts.free();
            int backendPort = LocalPorts.free();
            Path conf = dir.resolve("nginx.conf");
            Files.writeString(conf, config(dir, port, verifyClient, verifyDepth, locations, backendLocations)
                    .replace("BACKEND_PORT", String.valueOf(backendPort)));
            Files.deleteIfExists(dir.resolve("logs/error.log"));
            Process process = new ProcessBuilder(nginx(), "-p", dir.toString(), "-c", conf.toString(),
                    "-e", dir.resolve("logs/error.log").toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("logs/stdout.log").toFile()).start();
            if (LocalPorts.awaitListening(process, port)) {
                return new NginxServer(process, dir, port);
            }
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            last = new IOException("nginx did not start on port " + port + ": " + read(dir.resolve("logs/stdout.log"))
                    + read(dir.resolve("logs/error.log")));
        }
        throw last;
    }

    public String url() {
        return "https://localhost:" + port + "/";
    }

    public int port() {
        return port;
    }

    /** nginx's error log so far: it names the verification error behind each refusal. */
    public String errorLog() throws IOException {
        return read(dir.resolve("logs/error.log"));
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static String config(Path dir, int port, String verifyClient, Integer verifyDepth, String locations,
                                 String backendLocations) {
        String d = dir.toAbsolutePath().toString();
        return """
                daemon off;
                master_process off;
                pid %1$s/nginx.pid;
                error_log %1$s/logs/error.log info;
                events { worker_connections 64; }
                http {
                    access_log off;
                    client_body_temp_path %1$s/body;
                    proxy_temp_path %1$s/proxy;
                    fastcgi_temp_path %1$s/fastcgi;
                    uwsgi_temp_path %1$s/uwsgi;
                    scgi_temp_path %1$s/scgi;
                    server {
                        listen 127.0.0.1:%2$d ssl;
                        ssl_certificate %1$s/server.pem;
                        ssl_certificate_key %1$s/server.key;
                        ssl_client_certificate %1$s/client-cas.pem;
                        ssl_verify_client %3$s;
                        %4$s
                        %5$s
                    }
                    %6$s
                }
                """.formatted(d, port, verifyClient, verifyDepth == null ? "" : "ssl_verify_depth " + verifyDepth + ";",
                locations != null ? locations
                        : "location / { default_type text/plain; return 200 \"hello $ssl_client_s_dn\\n\"; }",
                backendLocations == null ? "" : "server { listen 127.0.0.1:BACKEND_PORT; " + backendLocations + " }");
    }

    private static String nginx() {
        for (String candidate : List.of("/usr/sbin/nginx", "/usr/local/sbin/nginx")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        return "nginx";
    }

    private static String read(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    }
}
