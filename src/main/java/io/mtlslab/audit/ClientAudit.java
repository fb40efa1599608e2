package io.mtlslab.audit;

import io.mtlslab.pki.Credential;
import io.mtlslab.pki.KeyType;
import io.mtlslab.pki.PeerText;
import io.mtlslab.pki.PkiException;
import io.mtlslab.pki.Workspace;
import io.mtlslab.text.Message;
import io.mtlslab.tls.NativeTls;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.X509ExtendedTrustManager;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * "Bad servers for mTLS" on this machine: one port per {@link BadServer}, each with a URL to point a
 * client at, recording every connection — did the handshake complete, which certificate did the client
 * send, did it go on to send a request. A client that completes a request with a bad server accepts
 * what it must refuse. The servers ask for a client certificate (except one control) and take any.
 */
public final class ClientAudit implements AutoCloseable {

    /** One bad server: its case, its URL and the certificate it presents. */
    public record Endpoint(BadServer server, String url, String presents) {
    }

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final Map<BadServer, Endpoint> endpoints = Collections.synchronizedMap(new EnumMap<>(BadServer.class));
    private final List<Channel> channels = new ArrayList<>();
    private final List<ClientConnection> connections = new CopyOnWriteArrayList<>();
    private final Map<BadServer, Message> notStarted = Collections.synchronizedMap(new EnumMap<>(BadServer.class));
    private final Consumer<ClientConnection> listener;
    private final String host;
    private FetchListener crlServer;

    private ClientAudit(String host, Consumer<ClientConnection> listener) {
        this.host = host;
        this.listener = listener == null ? c -> { } : listener;
    }

    /**
     * Starts every bad server on {@code bind}; needs the workspace CA's key to sign them. The servers
     * that should pass a client's host-name check name {@code localhost}, {@code 127.0.0.1}, {@code ::1}
     * and the address the endpoints' URLs use: {@code bind} itself, or for a wildcard bind
     * ({@code 0.0.0.0}, {@code ::}) every address of this machine's interfaces, so a client on another
     * machine that calls one of them is judged by the forgeries, not by a name the audit forgot.
     */
    public static ClientAudit start(Workspace workspace, char[] caKeyPassword, InetAddress bind,
                                    Consumer<ClientConnection> listener) throws IOException {
        Credential ca = workspace.credential(Workspace.CA, caKeyPassword);
        if (ca.privateKey() == null) {
            throw PkiException.of("ca", "auditNoCaKey");
        }
        ClientAudit audit = new ClientAudit(urlHost(bind), listener);
        try {
            audit.startAll(ca, bind);
        } catch (IOException | RuntimeException e) {
            audit.close();
            throw e;
        }
        return audit;
    }

    public List<Endpoint> endpoints() {
        List<Endpoint> list = new ArrayList<>();
        for (BadServer server : BadServer.values()) {
            Endpoint endpoint = endpoints.get(server);
            if (endpoint != null) {
                list.add(endpoint);
            }
        }
        return list;
    }

    public List<ClientConnection> connections() {
        return List.copyOf(connections);
    }

    /** The servers that could not start here, and why (BoringSSL missing for TLS 1.0/1.1, …). */
    public Map<BadServer, Message> notStarted() {
        return Map.copyOf(notStarted);
    }

    /** The report card from the connections so far: one result per bad server. */
    public AuditReport report() {
        List<ProbeResult> results = new ArrayList<>();
        for (BadServer server : BadServer.values()) {
            results.add(judge(server));
        }
        return new AuditReport("client", endpoints().isEmpty() ? "" : endpoints().get(0).url(), Instant.now(), results,
                false);
    }

    private ProbeResult judge(BadServer server) {
        Message title = server.titleText();
        if (notStarted.containsKey(server)) {
            return new ProbeResult(server.id(), title, ProbeResult.Status.NOT_RUN, null, null, null,
                    Message.of("audit.notRun.serverNotStarted", notStarted.get(server)), Map.of());
        }
        List<ClientConnection> seen = connections.stream().filter(c -> c.server() == server).toList();
        String url = endpoints.get(server).url();
        Message sent = AuditWords.verbatim(url);
        if (seen.isEmpty()) {
            return new ProbeResult(server.id(), title, ProbeResult.Status.NOT_RUN, null, sent, null,
                    Message.of("audit.notRun.notCalled", url), Map.of());
        }
        boolean completed = seen.stream().anyMatch(ClientConnection::requestCompleted);
        String sentCertificate = seen.stream().map(ClientConnection::clientCertificate).filter(s -> s != null)
                .findFirst().orElse(null);
        Message happened = Message.of("audit.happened.connections", String.valueOf(seen.size()),
                describe(seen.get(seen.size() - 1)));
        if (server.control()) {
            if (!completed) {
                return new ProbeResult(server.id(), title, ProbeResult.Status.ERROR, null, sent, happened,
                        Message.of("audit.verdict.controlFailed"), Map.of());
            }
            return new ProbeResult(server.id(), title, ProbeResult.Status.PASSED, null, sent, happened,
                    Message.of(server == BadServer.CORRECT && sentCertificate == null
                            ? "audit.verdict.controlPassedNoCertificate" : "audit.verdict.controlPassed"), Map.of());
        }
        // A client that cannot complete a call to the correct server refuses every server, and withholds its
        // certificate from every one: proof of nothing.
        boolean proves = correctServerServed();
        if (server == BadServer.CA_NAMES_EXCLUDE_CLIENT && sentCertificate != null) {
            return new ProbeResult(server.id(), title, ProbeResult.Status.FINDING, Severity.LOW, sent, happened,
                    Message.of("audit.verdict.identityDisclosed", sentCertificate), server.fixTexts());
        }
        if (server == BadServer.CA_NAMES_EXCLUDE_CLIENT && proves) {
            return new ProbeResult(server.id(), title, ProbeResult.Status.PASSED, null, sent, happened,
                    Message.of("audit.verdict.identityWithheld"), Map.of());
        }
        if (completed && server != BadServer.CA_NAMES_EXCLUDE_CLIENT) {
            return new ProbeResult(server.id(), title, ProbeResult.Status.FINDING, server.severity(), sent, happened,
                    Message.of(sentCertificate != null ? "audit.verdict.badServerAcceptedCertificate"
                            : "audit.verdict.badServerAccepted"), server.fixTexts());
        }
        if (!proves) {
            return new ProbeResult(server.id(), title, ProbeResult.Status.NOT_RUN, null, sent, happened,
                    Message.of("audit.notRun.controlNotServed", endpoints.containsKey(BadServer.CORRECT)
                            ? endpoints.get(BadServer.CORRECT).url() : BadServer.CORRECT.id()), Map.of());
        }
        return new ProbeResult(server.id(), title, ProbeResult.Status.PASSED, null, sent, happened,
                Message.of("audit.verdict.badServerRefused"), Map.of());
    }

    /** Whether the client completed a request to the correct server (the control), so its refusals mean something. */
    private boolean correctServerServed() {
        return endpoints.containsKey(BadServer.CORRECT) && connections.stream()
                .anyMatch(c -> c.server() == BadServer.CORRECT && c.requestCompleted());
    }

    /** One connection in words: "handshake completed (TLSv1.3), client certificate CN=…, request sent". */
    private static Message describe(ClientConnection c) {
        Message handshake = c.handshakeCompleted() ? Message.of("audit.connection.handshakeCompleted", c.protocol())
                : Message.of("audit.connection.handshakeNotCompleted");
        Message certificate = c.clientCertificate() != null
                ? Message.of("audit.connection.certificate", c.clientCertificate())
                : Message.of("audit.connection.noCertificate");
        Message request = Message.of(c.requestCompleted() ? "audit.connection.requestSent" : "audit.connection.noRequest");
        Message described = Message.of("audit.connection", handshake, certificate, request);
        return c.failure() == null ? described : Message.of("audit.connection.failed", described, c.failure());
    }

    // ---- the servers

    /** The host the endpoints' URLs name: {@code localhost} for the usual loopback and for a wildcard bind. */
    static String urlHost(InetAddress bind) {
        String address = bind.getHostAddress();
        boolean usualLoopback = address.equals("127.0.0.1") || address.equals("0:0:0:0:0:0:0:1");
        return usualLoopback || bind.isAnyLocalAddress() ? "localhost" : address;
    }

    /** The names a server that should pass the host-name check carries for {@code bind} (see {@link #start}). */
    static GeneralNames namesFor(InetAddress bind) {
        Set<String> addresses = new LinkedHashSet<>(List.of("127.0.0.1", "0:0:0:0:0:0:0:1"));
        if (bind.isAnyLocalAddress()) {
            try {
                for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                    for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                        if (!address.isLinkLocalAddress()) {
                            addresses.add(address.getHostAddress().replaceAll("%.*$", ""));
                        }
                    }
                }
            } catch (java.net.SocketException unreadable) {
                // the loopback names alone: a remote client then fails the correct server, and says so
            }
        } else {
            addresses.add(bind.getHostAddress().replaceAll("%.*$", ""));
        }
        List<GeneralName> names = new ArrayList<>();
        names.add(new GeneralName(GeneralName.dNSName, "localhost"));
        addresses.forEach(address -> names.add(new GeneralName(GeneralName.iPAddress, address)));
        return new GeneralNames(names.toArray(GeneralName[]::new));
    }

    private void startAll(Credential ca, InetAddress bind) throws IOException {
        X500Name serverName = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, "localhost").build();
        GeneralNames localNames = namesFor(bind);
        X500Name caName = X500Name.getInstance(ca.certificate().getSubjectX500Principal().getEncoded());
        Instant now = Instant.now();
        Credential correct = serverCertificate(serverName, localNames).issuer(ca).build();
        Credential rogueCa = ProbeCertificate.subject(caName).ca(true).purpose(null).build();
        Credential otherCa = ProbeCertificate.subject(new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.CN, "mTLS Lab audit other CA").build()).ca(true).purpose(null).build();
        Credential intermediate = ProbeCertificate.subject(new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.CN, "mTLS Lab audit intermediate").build()).issuer(ca).ca(true).purpose(null).build();
        Credential issuingLeaf = serverCertificate(new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.CN, "mTLS Lab audit leaf").build(), localNames).issuer(ca).build();
        crlServer = new FetchListener(bind);
        String crlUrl = crlServer.url("/audit/revoked.crl");
        Credential revoked = serverCertificate(serverName, localNames).issuer(ca)
                .extension(new Extension(Extension.cRLDistributionPoints, false, new CRLDistPoint(new DistributionPoint[] {
                    new DistributionPoint(new DistributionPointName(new GeneralNames(
                            new GeneralName(GeneralName.uniformResourceIdentifier, crlUrl))), null, null)}).getEncoded()))
                .build();
        crlServer.serve("/audit/revoked.crl", crl(ca, revoked.certificate().getSerialNumber()));

        start(BadServer.CORRECT, correct, ClientAuth.OPTIONAL, List.of(ca.certificate()), false, bind);
        start(BadServer.NO_CLIENT_AUTH, correct, ClientAuth.NONE, List.of(), false, bind);
        start(BadServer.EXPIRED, serverCertificate(serverName, localNames).issuer(ca)
                .validity(now.minus(Duration.ofDays(30)), now.minus(Duration.ofDays(1))).build(),
                ClientAuth.OPTIONAL, List.of(ca.certificate()), false, bind);
        start(BadServer.NOT_YET_VALID, serverCertificate(serverName, localNames).issuer(ca)
                .validity(now.plus(Duration.ofDays(1)), now.plus(Duration.ofDays(30))).build(),
                ClientAuth.OPTIONAL, List.of(ca.certificate()), false, bind);
        start(BadServer.WRONG_HOST, serverCertificate(new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.CN, "wrong-host.invalid").build(), new GeneralNames(
                        new GeneralName(GeneralName.dNSName, "wrong-host.invalid"))).issuer(ca).build(),
                ClientAuth.OPTIONAL, List.of(ca.certificate()), false, bind);
        start(BadServer.SELF_SIGNED_LOOK_ALIKE, serverCertificate(serverName, localNames).build(),
                ClientAuth.OPTIONAL, List.of(ca.certificate()), false, bind);
        start(BadServer.ROGUE_CA_SAME_NAME, serverCertificate(serverName, localNames).issuer(rogueCa).build(),
                ClientAuth.OPTIONAL, List.of(ca.certificate()), false, bind);
        start(BadServer.NO_SERVER_AUTH_EKU, ProbeCertificate.subject(serverName).sans(localNames).issuer(ca)
                .purpose(KeyPurposeId.id_kp_clientAuth).build(), ClientAuth.OPTIONAL, List.of(ca.certificate()), false, bind);
        start(BadServer.REVOKED, revoked, ClientAuth.OPTIONAL, List.of(ca.certificate()), false, bind);
        start(BadServer.SIGNED_BY_LEAF, serverCertificate(serverName, localNames).issuer(issuingLeaf).build(),
                ClientAuth.OPTIONAL, List.of(ca.certificate()), false, bind);
        Credential belowIntermediate = serverCertificate(serverName, localNames).issuer(intermediate).build();
        start(BadServer.INCOMPLETE_CHAIN, new Credential(belowIntermediate.certificate(), belowIntermediate.privateKey(),
                List.of()), ClientAuth.OPTIONAL, List.of(ca.certificate()), false, bind);
        if (NativeTls.available()) {
            start(BadServer.LEGACY_TLS_ONLY, correct, ClientAuth.OPTIONAL, List.of(ca.certificate()), true, bind);
        } else {
            notStarted.put(BadServer.LEGACY_TLS_ONLY, Message.of("audit.notStarted.needsBoringSsl"));
        }
        start(BadServer.CA_NAMES_EXCLUDE_CLIENT, correct, ClientAuth.OPTIONAL, List.of(otherCa.certificate()), false, bind);
    }

    private static ProbeCertificate serverCertificate(X500Name subject, GeneralNames sans) {
        return ProbeCertificate.subject(subject).sans(sans).purpose(KeyPurposeId.id_kp_serverAuth);
    }

    private void start(BadServer server, Credential identity, ClientAuth clientAuth, List<X509Certificate> caNames,
                       boolean legacy, InetAddress bind) throws IOException {
        SslContext context;
        try {
            SslContextBuilder builder = SslContextBuilder.forServer(identity.privateKey(), identity.tlsChain())
                    .sslProvider(NativeTls.choose(true, legacy)).clientAuth(clientAuth)
                    .trustManager(new AnyClient(caNames))
                    .protocols(legacy ? List.of("TLSv1", "TLSv1.1") : List.of("TLSv1.3", "TLSv1.2"));
            context = builder.build();
        } catch (javax.net.ssl.SSLException | RuntimeException e) {
            notStarted.put(server, AuditWords.verbatim(String.valueOf(e.getMessage())));
            return;
        }
        Channel channel = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        SslHandler tls = context.newHandler(ch.alloc());
                        Recorder recorder = new Recorder(server, ch.remoteAddress().toString());
                        tls.handshakeFuture().addListener(f -> recorder.handshake(tls, f.isSuccess() ? null : f.cause()));
                        ch.pipeline().addLast(tls, new HttpServerCodec(), new HttpObjectAggregator(1 << 16), recorder);
                    }
                }).bind(new InetSocketAddress(bind, 0)).syncUninterruptibly().channel();
        channels.add(channel);
        int port = ((InetSocketAddress) channel.localAddress()).getPort();
        String authority = host.contains(":") ? "[" + host + "]" : host;
        endpoints.put(server, new Endpoint(server, "https://" + authority + ":" + port + "/" + server.id(),
                PeerText.escape(identity.certificate().getSubjectX500Principal().getName())));
    }

    /** Records one connection: handshake, the client's certificate, whether a request came. */
    private final class Recorder extends SimpleChannelInboundHandler<FullHttpRequest> {
        private final BadServer server;
        private final String remote;
        private boolean handshake;
        private String protocol;
        private String certificate;
        private boolean request;
        private String failure;
        private boolean recorded;

        Recorder(BadServer server, String remote) {
            this.server = server;
            this.remote = remote;
        }

        void handshake(SslHandler tls, Throwable error) {
            if (error != null) {
                failure = error.getMessage();
                return;
            }
            handshake = true;
            protocol = tls.engine().getSession().getProtocol();
            try {
                var peer = tls.engine().getSession().getPeerCertificates();
                if (peer.length > 0 && peer[0] instanceof X509Certificate x509) {
                    certificate = PeerText.escape(x509.getSubjectX500Principal().getName());
                }
            } catch (SSLPeerUnverifiedException none) {
                // no client certificate
            }
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest http) {
            request = true;
            byte[] body = ("mTLS Lab client audit: " + server.id() + (server.control() ? " (control)"
                    : " — your client accepted this server; it must not") + "\n").getBytes(StandardCharsets.UTF_8);
            FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
                    Unpooled.wrappedBuffer(body));
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8");
            response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
            response.headers().set(HttpHeaderNames.CONNECTION, "close");
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            if (failure == null) {
                failure = cause.getMessage();
            }
            ctx.close();
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            if (!recorded) {
                recorded = true;
                ClientConnection connection = new ClientConnection(Instant.now(), server, remote, handshake, protocol,
                        certificate, request, failure == null ? null : PeerText.escape(failure));
                connections.add(connection);
                listener.accept(connection);
            }
        }
    }

    /** Takes any client certificate (the servers judge clients' behaviour, not certificates) but lists chosen CA names. */
    private static final class AnyClient extends X509ExtendedTrustManager {
        private final X509Certificate[] caNames;

        AnyClient(List<X509Certificate> caNames) {
            this.caNames = caNames.toArray(X509Certificate[]::new);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, java.net.Socket socket) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, javax.net.ssl.SSLEngine engine) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, java.net.Socket socket) {
            throw new UnsupportedOperationException("server side only");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, javax.net.ssl.SSLEngine engine) {
            throw new UnsupportedOperationException("server side only");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            throw new UnsupportedOperationException("server side only");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return caNames.clone();
        }
    }

    private static byte[] crl(Credential ca, BigInteger revokedSerial) {
        try {
            Instant now = Instant.now();
            X509v2CRLBuilder builder = new X509v2CRLBuilder(X500Name.getInstance(
                    ca.certificate().getSubjectX500Principal().getEncoded()), java.util.Date.from(now));
            builder.setNextUpdate(java.util.Date.from(now.plus(Duration.ofDays(1))));
            builder.addCRLEntry(revokedSerial, java.util.Date.from(now), CRLReason.keyCompromise);
            return builder.build(new JcaContentSignerBuilder(KeyType.of(ca.certificate().getPublicKey())
                    .signatureAlgorithm()).build(ca.privateKey())).getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException("cannot sign the audit's CRL: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        for (Channel channel : channels) {
            channel.close().syncUninterruptibly();
        }
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        if (crlServer != null) {
            try {
                crlServer.close();
            } catch (IOException ignored) {
                // closing a listener
            }
        }
    }
}
