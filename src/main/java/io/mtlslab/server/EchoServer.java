package io.mtlslab.server;

import io.mtlslab.pki.Credential;
import io.mtlslab.pki.PkiException;
import io.mtlslab.pki.Workspace;
import io.mtlslab.text.Message;
import io.mtlslab.tls.NativeTls;
import io.mtlslab.tls.ServerCrls;
import io.mtlslab.tls.ServerEngines;
import io.mtlslab.tls.ServerTlsProfile;
import io.mtlslab.tls.ServerTrustManager;
import io.mtlslab.tls.TlsContexts;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslProvider;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The local mTLS echo server: HTTPS on Netty with BoringSSL (or the JDK's TLS, see {@link #tlsProvider()}),
 * answering every request with the client identity it extracted, the TLS session and the request
 * itself, and logging every connection.
 *
 * <p>Starts and stops in well under a second; {@link #close()} releases the port.
 */
public final class EchoServer implements AutoCloseable {

    /** How often the followed files are checked for changes. */
    static final Duration REFRESH_PERIOD = Duration.ofSeconds(1);
    /** How often the CRL file's attributes are looked at (it is read again only when they change). */
    static final Duration CRL_CHECK_PERIOD = Duration.ofMillis(200);

    private final ServerSettings settings;
    private final TlsProviderInUse tlsProvider;
    private final ConnectionLog log;
    private final EventLoopGroup acceptor;
    private final EventLoopGroup workers;
    private final Channel channel;
    private final int port;
    private final List<Message> notices;
    private final EchoConnection.Shared shared;
    private final ScheduledExecutorService refresher;

    private EchoServer(ServerSettings settings, TlsProviderInUse tlsProvider, EchoConnection.Shared shared,
                       ScheduledExecutorService refresher, EventLoopGroup acceptor, EventLoopGroup workers,
                       Channel channel, List<Message> notices) {
        this.settings = settings;
        this.tlsProvider = tlsProvider;
        this.refresher = refresher;
        this.shared = shared;
        ConnectionLog log = shared.log();
        this.notices = List.copyOf(notices);
        this.log = log;
        this.acceptor = acceptor;
        this.workers = workers;
        this.channel = channel;
        this.port = ((InetSocketAddress) channel.localAddress()).getPort();
    }

    /**
     * Starts the workspace's server: identity {@code server}, trusting the workspace CA, enforcing the
     * workspace's {@code crl.pem} (re-read when it changes) when {@code settings.checkRevocation()}.
     */
    public static EchoServer start(Workspace workspace, ServerSettings settings) {
        return start(workspace, settings, null);
    }

    /**
     * As {@link #start(Workspace, ServerSettings)}; with an {@link HmacGate} (not {@code null}) every request
     * must also carry a valid HMAC signature of its client (SPEC S6), else it gets {@code 401}.
     */
    public static EchoServer start(Workspace workspace, ServerSettings settings, HmacGate hmac) {
        Credential identity = workspace.credential(Workspace.SERVER, null);
        if (identity.privateKey() == null) {
            throw PkiException.of("dir", "serverNoKey", String.valueOf(workspace.dir()));
        }
        return start(identity, List.of(workspace.caCertificate()), workspace.crlFile(), settings, hmac);
    }

    /** Starts a server with the given identity trusting {@code trustedCas}, without revocation lists. */
    public static EchoServer start(Credential serverIdentity, List<X509Certificate> trustedCas,
                                   ServerSettings settings) {
        return start(serverIdentity, trustedCas, null, settings);
    }

    /**
     * Starts a server with the given identity trusting {@code trustedCas}; when {@code crlFile} is not
     * {@code null} and {@code settings.checkRevocation()}, the CRLs in it (PEM) are enforced and re-read
     * whenever the file changes.
     */
    public static EchoServer start(Credential serverIdentity, List<X509Certificate> trustedCas, Path crlFile,
                                   ServerSettings settings) {
        return start(serverIdentity, trustedCas, crlFile, settings, null);
    }

    private static EchoServer start(Credential serverIdentity, List<X509Certificate> trustedCas, Path crlFile,
                                    ServerSettings settings, HmacGate hmac) {
        Objects.requireNonNull(serverIdentity, "serverIdentity");
        Objects.requireNonNull(settings, "settings");
        if (trustedCas == null || trustedCas.isEmpty()) {
            throw PkiException.of("ca", "serverNoCa");
        }
        TlsProviderInUse provider = chooseProvider(settings.tlsProvider());
        // Before any TLS object exists: the JDK reads its disabled protocols once. BoringSSL has no such switch.
        List<Message> notices = new ArrayList<>();
        if (provider.provider() == TlsProviderChoice.JDK && settings.legacyProtocols()
                && !ServerTlsProfile.allowLegacyProtocolsInThisProcess()) {
            notices.add(Message.of("servernotice.legacyRefusedByJava"));
        }
        List<X509Certificate> anchors = new ArrayList<>(trustedCas);
        if (settings.trust() == TrustMode.SYSTEM_AND_WORKSPACE) {
            TlsContexts.systemAnchors().stream().filter(a -> !anchors.contains(a)).forEach(anchors::add);
        }
        List<X509Certificate> caNames = switch (settings.caNames()) {
            case FULL -> anchors;
            case EMPTY -> List.of();
            case CUSTOM -> settings.customCaNames();
        };
        ServerCrls crls = settings.checkRevocation() && crlFile != null ? ServerCrls.watch(crlFile, trustedCas) : null;
        ServerTrustManager trust = ServerTrustManager.create(anchors, caNames, crls == null ? ServerCrls.none() : crls,
                settings.clientAuth() == ClientAuthMode.INSPECT);
        List<String> protocols = ServerTlsProfile.protocols(settings.legacyProtocols());
        ServerEngines engines = ServerEngines.create(provider.provider() == TlsProviderChoice.OPENSSL
                        ? SslProvider.OPENSSL : SslProvider.JDK, serverIdentity, trust, settings.legacyProtocols(),
                switch (settings.clientAuth()) {
                    case REQUIRED -> ClientAuth.REQUIRE;
                    // Inspect asks like optional so that a client without any certificate is reported, not cut off.
                    case OPTIONAL, INSPECT -> ClientAuth.OPTIONAL;
                    case NONE -> ClientAuth.NONE;
                });

        ConnectionLog log = new ConnectionLog();
        // Files the server follows (crl.pem, hmac-secrets.json, the index) are read here, never on a network thread.
        ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "mtls-lab-server-refresh");
            thread.setDaemon(true);
            return thread;
        });
        if (crls != null) {
            // A stat every fifth of a second: a revocation is enforced within moments, and no handshake touches the file.
            refresher.scheduleWithFixedDelay(crls::refresh, CRL_CHECK_PERIOD.toMillis(), CRL_CHECK_PERIOD.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
        if (hmac != null) {
            refresher.scheduleWithFixedDelay(() -> {
                try {
                    hmac.refresh();
                } catch (RuntimeException e) {
                    // a half-written or broken file: keep the last good snapshot, try again next time
                }
            }, REFRESH_PERIOD.toMillis(), REFRESH_PERIOD.toMillis(), TimeUnit.MILLISECONDS);
        }
        EchoConnection.Shared shared = new EchoConnection.Shared(settings, provider, trust, protocols, log, hmac,
                refresher);
        EventLoopGroup acceptor = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        EventLoopGroup workers = new MultiThreadIoEventLoopGroup(Math.max(2, Runtime.getRuntime().availableProcessors()),
                NioIoHandler.newFactory());
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(acceptor, workers)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        EchoConnection.install(ch, shared, () -> engines.newEngine(ch.alloc()));
                    }
                });
        try {
            Channel channel = bootstrap.bind(new InetSocketAddress(settings.bindAddress(), settings.port()))
                    .syncUninterruptibly().channel();
            return new EchoServer(settings, provider, shared, refresher, acceptor, workers, channel, notices);
        } catch (Exception e) { // Netty rethrows the checked BindException undeclared
            refresher.shutdownNow();
            shutdown(acceptor, workers);
            if (e instanceof BindException || e.getCause() instanceof BindException) {
                throw PkiException.because(e, "port", "portInUse", String.valueOf(settings.port()),
                        String.valueOf(settings.bindAddress()), String.valueOf(settings.port() + 1));
            }
            throw PkiException.because(e, "bind", "bindFailed", String.valueOf(settings.bindAddress()),
                    String.valueOf(settings.port()), String.valueOf(e.getMessage()));
        }
    }

    /**
     * BoringSSL where its native library loads, unless the JDK is asked for. BoringSSL can do every
     * teaching mode (each is run on both providers by the tests): TLS 1.0/1.1 with their CBC suites, the
     * full, empty and custom CA-names lists (taken from the trust manager's accepted issuers), optional,
     * none and inspect (our trust manager decides), system+workspace trust and the CRL (ours too), and
     * ECDHE-only groups (it has no finite-field groups at all). So only a missing library makes it fall back.
     */
    static TlsProviderInUse chooseProvider(TlsProviderChoice choice) {
        String jdk = "JDK " + Runtime.version().feature() + " (SunJSSE)";
        return switch (choice) {
            case JDK -> new TlsProviderInUse(TlsProviderChoice.JDK, jdk, null);
            case OPENSSL -> {
                if (!NativeTls.available()) {
                    throw PkiException.of("tls-provider", "boringSslMissing", String.valueOf(NativeTls.unavailableReason()));
                }
                yield new TlsProviderInUse(TlsProviderChoice.OPENSSL, NativeTls.describe(SslProvider.OPENSSL), null);
            }
            case AUTO -> NativeTls.available()
                    ? new TlsProviderInUse(TlsProviderChoice.OPENSSL, NativeTls.describe(SslProvider.OPENSSL), null)
                    : new TlsProviderInUse(TlsProviderChoice.JDK, jdk,
                            Message.of("tlsProvider.fallbackReason", String.valueOf(NativeTls.unavailableReason())));
        };
    }

    /** The port listened on (the chosen one when settings asked for port 0). */
    public int port() {
        return port;
    }

    public ServerSettings settings() {
        return settings;
    }

    /** The TLS implementation this server runs on, and why when it fell back to the JDK. */
    public TlsProviderInUse tlsProvider() {
        return tlsProvider;
    }

    /**
     * Things the user should know about this run beyond {@link ServerSettings#unsafeLabels()}, e.g. that
     * the Java runtime kept refusing TLS 1.0/1.1 although legacy protocols were asked for.
     */
    public List<String> notices() {
        return notices.stream().map(Message::text).toList();
    }

    public ConnectionLog log() {
        return log;
    }

    /** {@code https://localhost:PORT/}: the host name the default server certificate carries. */
    public String url() {
        return "https://localhost:" + port + "/";
    }

    public boolean isRunning() {
        return channel.isOpen();
    }

    /**
     * Stops listening, closes every connection and releases the threads. When it returns, the log holds
     * every event of this server, including those of the connections it closed.
     */
    @Override
    public void close() {
        shared.stopping().set(true);
        channel.close().syncUninterruptibly();
        shutdown(acceptor, workers);
        refresher.shutdownNow();
    }

    private static void shutdown(EventLoopGroup acceptor, EventLoopGroup workers) {
        var a = acceptor.shutdownGracefully(0, 500, TimeUnit.MILLISECONDS);
        var w = workers.shutdownGracefully(0, 500, TimeUnit.MILLISECONDS);
        a.awaitUninterruptibly(2, TimeUnit.SECONDS);
        w.awaitUninterruptibly(2, TimeUnit.SECONDS);
    }
}
