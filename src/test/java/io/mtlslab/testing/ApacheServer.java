package io.mtlslab.testing;

import io.mtlslab.pki.Credential;
import io.mtlslab.pki.Pem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Apache httpd (Debian's {@code apache2}) terminating mTLS for interoperability tests, started
 * in the foreground from a generated configuration in a temporary folder. A request for {@code /index.html}
 * is answered {@code 200 hello}.
 *
 * <p>{@code SSLVerifyClient} is set either for the whole virtual host, where httpd asks for the client
 * certificate in the handshake, or only inside {@code <Location />}, where it asks after the handshake:
 * by renegotiation in TLS 1.2, by post-handshake authentication in TLS 1.3, which Java and Go clients
 * do not offer. Skipped where httpd is missing, a failure under CI (see {@link ExternalTool}).
 */
public final class ApacheServer implements AutoCloseable {

    /** Where {@code SSLVerifyClient} stands in the configuration. */
    public enum Scope { VIRTUAL_HOST, LOCATION }

    private static final String MODULES = "/usr/lib/apache2/modules";

    private final Process process;
    private final Path dir;
    private final int port;

    private ApacheServer(Process process, Path dir, int port) {
        this.process = process;
        this.dir = dir;
        this.port = port;
    }

    /**
     * Starts httpd with {@code identity} as its server certificate, trusting {@code clientCas}.
     *
     * @param verifyClient {@code require}, {@code optional} or {@code optional_no_ca}
     */
    public static ApacheServer start(Path dir, Credential identity, List<X509Certificate> clientCas,
                                     String verifyClient, Scope scope) throws IOException, InterruptedException {
        ExternalTool.require("apache2");
        Files.createDirectories(dir.resolve("logs"));
        Files.createDirectories(dir.resolve("www"));
        Files.writeString(dir.resolve("www/index.html"), "hello\n");
        // httpd's workers (another user when started as root) read the document; the key stays the master's.
        for (Path readable : List.of(dir, dir.resolve("www"), dir.resolve("www/index.html"))) {
            Files.setPosixFilePermissions(readable, PosixFilePermissions.fromString(
                    Files.isDirectory(readable) ? "rwxr-xr-x" : "rw-r--r--"));
        }
        Files.writeString(dir.resolve("server.pem"), Pem.certificates(identity.tlsChain()));
        Files.writeString(dir.resolve("server.key"), Pem.privateKey(identity.privateKey()));
        Files.writeString(dir.resolve("client-cas.pem"), Pem.certificates(clientCas));
        IOException last = null;
        for (int attempt = 0; attempt < 5; attempt++) {
            int port = LocalPorts.free();
            Path conf = dir.resolve("httpd.conf");
            Files.writeString(conf, config(dir, port, verifyClient, scope));
            Files.deleteIfExists(dir.resolve("logs/error.log"));
            Process process = new ProcessBuilder(apache(), "-f", conf.toString(), "-DFOREGROUND")
                    .redirectErrorStream(true).redirectOutput(dir.resolve("logs/stdout.log").toFile()).start();
            if (process.isAlive() && LocalPorts.awaitListening(process, port) && process.isAlive()) {
                return new ApacheServer(process, dir, port);
            }
            stop(process);
            last = new IOException("httpd did not start on port " + port + ": " + read(dir.resolve("logs/stdout.log"))
                    + read(dir.resolve("logs/error.log")));
        }
        throw last;
    }

    public String url() {
        return "https://localhost:" + port + "/index.html";
    }

    /** httpd's error log so far (log level info: it names each client-verification failure). */
    public String errorLog() throws IOException {
        return read(dir.resolve("logs/error.log"));
    }

    @Override
    public void close() throws InterruptedException {
        stop(process);
    }

    private static void stop(Process process) throws InterruptedException {
        // SIGTERM to the foreground master stops its children too.
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static String config(Path dir, int port, String verifyClient, Scope scope) {
        String d = dir.toAbsolutePath().toString();
        String verify = "SSLVerifyClient " + verifyClient + "\n    SSLVerifyDepth 2";
        return """
                ServerRoot %1$s
                ServerName localhost
                DefaultRuntimeDir %1$s/logs
                PidFile %1$s/logs/httpd.pid
                Listen 127.0.0.1:%2$d
                LoadModule mpm_event_module %3$s/mod_mpm_event.so
                LoadModule authz_core_module %3$s/mod_authz_core.so
                LoadModule socache_shmcb_module %3$s/mod_socache_shmcb.so
                LoadModule ssl_module %3$s/mod_ssl.so
                ErrorLog %1$s/logs/error.log
                LogLevel info
                DocumentRoot %1$s/www
                <VirtualHost 127.0.0.1:%2$d>
                    SSLEngine on
                    SSLCertificateFile %1$s/server.pem
                    SSLCertificateKeyFile %1$s/server.key
                    SSLCACertificateFile %1$s/client-cas.pem
                    %4$s
                    <Location />
                        Require all granted
                        %5$s
                    </Location>
                </VirtualHost>
                """.formatted(d, port, MODULES, scope == Scope.VIRTUAL_HOST ? verify : "",
                scope == Scope.LOCATION ? verify : "");
    }

    private static String apache() {
        return Files.isExecutable(Path.of("/usr/sbin/apache2")) ? "/usr/sbin/apache2" : "apache2";
    }

    private static String read(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    }
}
