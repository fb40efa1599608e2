package io.mtlslab.cli;

import io.mtlslab.text.Message;
import io.mtlslab.pki.PkiException;
import io.mtlslab.pki.Workspace;
import io.mtlslab.server.CaNamesMode;
import io.mtlslab.server.ClientAuthMode;
import io.mtlslab.server.ConnectionEvent;
import io.mtlslab.server.EchoServer;
import io.mtlslab.server.HmacGate;
import io.mtlslab.server.ServerSettings;
import io.mtlslab.server.TlsProviderChoice;
import io.mtlslab.server.TrustMode;
import io.mtlslab.text.Texts;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code mtls-lab serve}: runs the workspace's echo server until interrupted, one line per connection event. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Run the mTLS echo server of a workspace (identity 'server', trusting its CA) until"
                + " interrupted (Ctrl+C), printing one line per connection event.",
            "Defaults are secure: loopback, client certificate required and verified, TLS 1.2/1.3 only,"
                + " the workspace CA only, crl.pem enforced. Every other choice is labelled UNSAFE."})
public final class ServeCommand implements Callable<Integer> {

    @Mixin
    WorkspaceOption workspace;

    @Spec
    CommandSpec spec;

    @Option(names = "--port", paramLabel = "PORT", description = "Port to listen on (default: ${DEFAULT-VALUE}; 0 = any free port).")
    int port = ServerSettings.DEFAULT_PORT;

    @Option(names = "--bind", paramLabel = "ADDRESS", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String bind = ServerSettings.LOOPBACK;

    @Option(names = "--client-auth", paramLabel = "MODE",
            description = "required (default), optional, none or inspect (accept any certificate, report what"
                    + " required would reject).")
    String clientAuth = ClientAuthMode.REQUIRED.id();

    @Option(names = "--handler-does-not-check",
            description = "UNSAFE teaching mode: the request handler answers 200 even without a client certificate"
                    + " (with --client-auth optional: the authentication bypass).")
    boolean handlerDoesNotCheck;

    @Option(names = "--trust", paramLabel = "TRUST", description = "workspace (default) or system+workspace.")
    String trust = TrustMode.WORKSPACE.id();

    @Option(names = "--legacy-tls", description = "UNSAFE: also accept TLS 1.0 and 1.1.")
    boolean legacyTls;

    @Option(names = "--ca-names", paramLabel = "LIST",
            description = "CA names sent in the certificate request: full (default) or empty.")
    String caNames = CaNamesMode.FULL.id();

    @Option(names = "--no-revocation", description = "UNSAFE: ignore the workspace's crl.pem.")
    boolean noRevocation;

    @Option(names = "--require-hmac", description = "Also require an HMAC-SHA256 signature of every request under the"
            + " client's secret in hmac-secrets.json (headers X-Mtlslab-Timestamp, X-Mtlslab-Signature); a missing,"
            + " wrong or stale one gets 401.")
    boolean requireHmac;

    @Option(names = "--header-timeout", paramLabel = "SECONDS",
            description = "Answer 408 and disconnect a client whose request head (request line and headers) is not"
                    + " complete this long after its first byte (default: ${DEFAULT-VALUE}).")
    int headerTimeoutSeconds = 10;

    @Option(names = "--handshake-timeout", paramLabel = "SECONDS",
            description = "Disconnect clients that have not completed the handshake by then (default: ${DEFAULT-VALUE}).")
    int handshakeTimeoutSeconds = 10;

    @Option(names = "--tls-provider", paramLabel = "PROVIDER",
            description = "auto (default: BoringSSL where its native library loads, else the JDK), openssl or jdk.")
    String tlsProvider;

    private final Object printing = new Object();

    @Override
    public Integer call() throws InterruptedException {
        CaNamesMode names = CaNamesMode.parse(caNames);
        if (names == CaNamesMode.CUSTOM) {
            throw PkiException.of("ca-names", "caNamesCustom");
        }
        if (handshakeTimeoutSeconds < 1) {
            throw PkiException.of("handshake-timeout", "timeoutTooShort", Message.of("pkierror.kind.handshakeTimeout"),
                    "handshake-timeout");
        }
        if (headerTimeoutSeconds < 1) {
            throw PkiException.of("header-timeout", "timeoutTooShort", Message.of("pkierror.kind.headerTimeout"),
                    "header-timeout");
        }
        ServerSettings settings = ServerSettings.secure().withPort(port).withBindAddress(bind)
                .withClientAuth(ClientAuthMode.parse(clientAuth)).withCheckIdentityInHandler(!handlerDoesNotCheck)
                .withTrust(TrustMode.parse(trust)).withLegacyProtocols(legacyTls).withCaNames(names)
                .withCheckRevocation(!noRevocation).withHandshakeTimeout(Duration.ofSeconds(handshakeTimeoutSeconds))
                .withHeaderTimeout(Duration.ofSeconds(headerTimeoutSeconds));
        if (tlsProvider != null) {
            settings = settings.withTlsProvider(TlsProviderChoice.parse(tlsProvider));
        }
        Workspace ws = workspace.open();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();

        EchoServer server = EchoServer.start(ws, settings, requireHmac ? HmacGate.requireFor(ws) : null);
        CountDownLatch stopped = new CountDownLatch(1);
        // At Ctrl+C / SIGTERM the JVM exits as soon as the hooks return, whatever the main thread was doing:
        // the hook itself prints what the last connections logged, after the server closed them.
        Thread hook = new Thread(() -> {
            server.close();
            print(server, out);
            stopped.countDown();
        }, "mtls-lab-serve-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);

        // The mode as the user typed it (--client-auth optional --handler-does-not-check), the rest in their language.
        String mode = settings.handlerBypass() ? Texts.text("serve.mode.handlerBypass", settings.clientAuth().id())
                : settings.clientAuth().id();
        out.println(Texts.text("serve.listening", "https://" + hostForUrl(bind) + ":" + server.port() + "/", ws.dir(),
                mode, server.tlsProvider().describe()));
        if (settings.unsafe()) {
            settings.unsafeLabels().forEach(label -> out.println(Texts.text("serve.unsafe", label)));
        } else {
            out.println(Texts.text(settings.checkRevocation() ? "serve.secure.crl" : "serve.secure"));
        }
        server.notices().forEach(notice -> err.println(Texts.text("serve.warning", notice)));
        if (requireHmac) {
            out.println(Texts.text("serve.hmac"));
        }
        out.println(Texts.text("serve.pressCtrlC"));
        out.flush();
        try {
            while (!stopped.await(100, TimeUnit.MILLISECONDS)) {
                print(server, out);
            }
        } catch (InterruptedException e) {
            // Stopped from code (tests, an embedding program): shut down like Ctrl+C would.
            server.close();
            Thread.currentThread().interrupt();
        } finally {
            print(server, out);
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is already exiting; the hook closes the server
            }
        }
        return 0;
    }

    /** Prints the events logged since the last call; the main loop and the shutdown hook both call it. */
    private void print(EchoServer server, PrintWriter out) {
        synchronized (printing) {
            for (ConnectionEvent event : server.log().drain()) {
                out.println(event.toLine());
            }
            out.flush();
        }
    }

    private static String hostForUrl(String bind) {
        return bind.equals("127.0.0.1") || bind.equals("::1") ? "localhost" : bind.contains(":") ? "[" + bind + "]" : bind;
    }
}
