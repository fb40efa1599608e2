package io.mtlslab.server;

import io.mtlslab.pki.Certificates;
import io.mtlslab.pki.PeerText;
import io.mtlslab.text.Message;
import io.mtlslab.tls.ServerCertificateCheck;
import io.mtlslab.tls.ServerCertificateFinding;
import io.mtlslab.tls.ServerTrustManager;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.FullHttpMessage;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

/**
 * One client connection of the echo server: detects whether the client speaks TLS at all, runs the
 * handshake, logs its outcome, and answers each HTTP request through {@link EchoResponses}.
 */
final class EchoConnection extends SimpleChannelInboundHandler<FullHttpRequest> {

    /** What every connection of one server shares. */
    record Shared(ServerSettings settings, TlsProviderInUse tlsProvider, ServerTrustManager trust,
                  List<String> protocols, ConnectionLog log, AtomicLong connectionIds, List<Message> unsafeMessages,
                  Map<X509Certificate, ClientIdentity> identities, HmacGate hmac, Executor refresher,
                  AtomicBoolean stopping) {

        Shared(ServerSettings settings, TlsProviderInUse tlsProvider, ServerTrustManager trust, List<String> protocols,
               ConnectionLog log, HmacGate hmac, Executor refresher) {
            // The settings never change for a server: its unsafe labels are worked out once, not per request.
            this(settings, tlsProvider, trust, protocols, log, new AtomicLong(), settings.unsafeMessages(), recentlySeen(),
                    hmac, refresher, new AtomicBoolean());
        }

        boolean unsafe() {
            return !unsafeMessages.isEmpty();
        }

        /** Decoding a certificate costs as much as a tenth of a handshake; clients come back with the same one. */
        ClientIdentity identity(X509Certificate certificate) {
            return identities.computeIfAbsent(certificate, ClientIdentity::of);
        }

        private static Map<X509Certificate, ClientIdentity> recentlySeen() {
            return Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<X509Certificate, ClientIdentity> eldest) {
                    return size() > 256;
                }
            });
        }
    }

    /** The TLS session of a completed handshake, as the responses and the log show it. */
    record Session(String provider, String library, String protocol, String cipherSuite, String alpn, ClientIdentity client,
                   List<Message> secureModeWouldReject) {
    }

    private final Shared shared;
    private final long id;
    private final String remote;
    private SSLEngine engine;
    /** The version a pre-TLS 1.2 hello asked for (e.g. {@code TLSv1.1}), else {@code null}. */
    private String clientOldVersion;
    private Session session;
    private boolean rejected;

    private EchoConnection(Shared shared, long id, String remote) {
        super(true);
        this.shared = shared;
        this.id = id;
        this.remote = remote;
    }

    static void install(SocketChannel channel, Shared shared, Supplier<SSLEngine> engines) {
        ServerSettings settings = shared.settings();
        InetSocketAddress address = channel.remoteAddress();
        String remote = address == null ? "?" : address.getAddress().getHostAddress() + ":" + address.getPort();
        EchoConnection connection = new EchoConnection(shared, shared.connectionIds().incrementAndGet(), remote);
        RequestHeadDeadline deadline = new RequestHeadDeadline(settings.headerTimeout(), connection::headTimedOut);
        channel.pipeline()
                .addLast("idle", new IdleStateHandler(0, 0, settings.idleTimeout().toMillis(), TimeUnit.MILLISECONDS))
                .addLast("detect", new TlsDetector(connection, engines, settings.handshakeTimeout()))
                .addLast("head-deadline-bytes", deadline.bytes())
                .addLast("http", new HttpServerCodec(new HttpDecoderConfig()
                        .setMaxInitialLineLength(settings.maxHeaderBytes())
                        .setMaxHeaderSize(settings.maxHeaderBytes())))
                .addLast("head-deadline-heads", deadline.heads())
                .addLast("aggregate", new LimitedAggregator(settings.maxBodyBytes(), connection))
                .addLast("echo", connection);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event instanceof SslHandshakeCompletionEvent completion) {
            if (completion.isSuccess()) {
                handshakeSucceeded(ctx);
            } else {
                ServerCertificateCheck check = engine == null ? null : shared.trust().takeCheck(engine);
                HandshakeRejection rejection = HandshakeRejection.of(completion.cause(), check, shared.protocols(),
                        shared.settings().handshakeTimeout(), clientOldVersion);
                reject(rejection, check == null ? null : check.chain());
                ctx.close();
            }
        } else if (event instanceof IdleStateEvent) {
            ctx.close();
        }
        super.userEventTriggered(ctx, event);
    }

    private void handshakeSucceeded(ChannelHandlerContext ctx) {
        SSLSession tls = engine.getSession();
        X509Certificate[] chain = peerChain(tls);
        X509Certificate peer = chain.length > 0 ? chain[0] : null;
        ServerCertificateCheck check = shared.trust().takeCheck(engine);
        if (check == null && peer != null) {
            // No verdict for this handshake: the session was resumed, and resumption skips the trust manager. The
            // client may have been revoked (or its CA dropped) since the session began: judge the chain again
            // against today's CRLs and anchors (a cache hit when nothing changed, so --resume stays cheap).
            check = shared.trust().check(chain, peer.getPublicKey().getAlgorithm(), null);
            if (!check.trusted() && shared.settings().clientAuth() != ClientAuthMode.INSPECT) {
                tls.invalidate();
                reject(HandshakeRejection.resumedSession(check), List.of(chain));
                ctx.close();
                return;
            }
        }
        List<Message> wouldReject = List.of();
        if (shared.settings().clientAuth() == ClientAuthMode.INSPECT) {
            wouldReject = peer == null ? List.of(Message.of("serverlog.noCertificate"))
                    : check == null ? List.of() : check.messages();
        }
        String alpn = engine.getApplicationProtocol();
        session = new Session(shared.tlsProvider().id(), shared.tlsProvider().library(), tls.getProtocol(), tls.getCipherSuite(), alpn == null || alpn.isEmpty() ? null : alpn,
                peer == null ? null : shared.identity(peer), wouldReject);
        ClientIdentity client = session.client();
        Message note = client == null && shared.settings().clientAuth() != ClientAuthMode.NONE
                ? Message.of(shared.settings().clientAuth() == ClientAuthMode.INSPECT ? "serverlog.noCertificate.inspect"
                        : "serverlog.noCertificate.optional") : null;
        shared.log().add(new ConnectionEvent(Instant.now(), remote, ConnectionEvent.Outcome.ACCEPTED, session.protocol(),
                session.cipherSuite(), client == null ? null : client.subject(), client == null ? null : client.serialHex(),
                note, 0, null, null, shared.unsafe(), note == null ? null : ServerCertificateFinding.NO_CERTIFICATE, id,
                wouldReject));
    }

    /** The client's chain as the session holds it; empty when it sent none. */
    private static X509Certificate[] peerChain(SSLSession tls) {
        try {
            Certificate[] chain = tls.getPeerCertificates();
            if (chain.length == 0 || !(chain[0] instanceof X509Certificate)) {
                return new X509Certificate[0];
            }
            return java.util.Arrays.stream(chain).filter(X509Certificate.class::isInstance)
                    .map(X509Certificate.class::cast).toArray(X509Certificate[]::new);
        } catch (SSLPeerUnverifiedException e) {
            return new X509Certificate[0]; // optional / none / inspect: the client sent no certificate
        }
    }

    void reject(HandshakeRejection rejection, List<X509Certificate> chain) {
        if (rejected) {
            return;
        }
        rejected = true;
        X509Certificate leaf = chain == null || chain.isEmpty() ? null : chain.get(0);
        String subject = leaf == null ? null : ClientIdentity.of(leaf).subject();
        String serial = leaf == null ? null : Certificates.serialHex(leaf);
        String protocol = null;
        if (engine != null && engine.getHandshakeSession() != null) {
            protocol = engine.getHandshakeSession().getProtocol();
        }
        shared.log().add(new ConnectionEvent(Instant.now(), remote, ConnectionEvent.Outcome.REJECTED,
                protocol == null || protocol.isEmpty() || protocol.equals("NONE") ? null : protocol, null, subject, serial,
                rejection.message(), 0, null, null, shared.unsafe(), rejection.code(), id, List.of()));
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        if (rejected) {
            // A request that arrived with a refused resumption, decoded before the close took effect: never answer it.
            return;
        }
        if (!request.decoderResult().isSuccess()) {
            Throwable cause = request.decoderResult().cause();
            HttpResponseStatus status = cause instanceof TooLongHttpHeaderException
                    ? HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE
                    : cause instanceof TooLongHttpLineException ? HttpResponseStatus.REQUEST_URI_TOO_LONG
                    : cause instanceof TooLongFrameException ? HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE
                    : HttpResponseStatus.BAD_REQUEST;
            // Netty's message quotes the offending bytes: escaped, it is safe to send back and to log.
            Message reason = status == HttpResponseStatus.BAD_REQUEST
                    ? Message.of("serverlog.malformedRequest", PeerText.escape(cause.getMessage()))
                    : Message.of("serverlog.headTooLarge", String.valueOf(shared.settings().maxHeaderBytes()));
            FullHttpResponse response = EchoResponses.plain(status, reason.text() + "\n");
            // Netty stands in "GET /bad-request" for a request it could not read: log that none was read.
            logRequest(null, null, status.code(), reason);
            send(ctx, response, false);
            return;
        }
        if (request.protocolVersion().majorVersion() != 1) {
            // "PRI * HTTP/2.0" is HTTP/2's connection preface, sent with prior knowledge instead of ALPN h2:
            // answering it as HTTP/1.1 would tell the client a 200 it cannot read.
            Message reason = "PRI".equals(request.method().name())
                    ? Message.of("serverlog.http2Preface")
                    : Message.of("serverlog.httpVersion", PeerText.escape(request.protocolVersion().text()));
            logRequest(request, HttpResponseStatus.HTTP_VERSION_NOT_SUPPORTED.code(), reason);
            send(ctx, EchoResponses.plain(HttpResponseStatus.HTTP_VERSION_NOT_SUPPORTED, reason.text() + "\n"), false);
            return;
        }
        HmacGate hmac = shared.hmac();
        if (hmac != null && (session.client() != null || shared.settings().handlerBypass())) {
            // The HMAC layer (S6) runs after the TLS identity is known: the secret is that client's.
            if (session.client() != null && !hmac.knows(session.client())) {
                answerAfterRefresh(ctx, request, hmac);
            } else {
                answerWithHmac(ctx, request, hmac);
            }
            return;
        }
        EchoResponses.Answer answer = EchoResponses.answer(request, session, shared);
        logRequest(request, answer.response().status().code(), answer.note());
        send(ctx, answer.response(), HttpUtil.isKeepAlive(request));
    }

    /**
     * A client the secrets snapshot does not know (perhaps given its secret after the server started):
     * the files are read again on the refresher thread, never here, then the request is answered.
     */
    private void answerAfterRefresh(ChannelHandlerContext ctx, FullHttpRequest request, HmacGate hmac) {
        request.retain();
        ctx.channel().config().setAutoRead(false); // keep the answers in request order
        Runnable answer = () -> {
            try {
                if (ctx.channel().isActive()) {
                    answerWithHmac(ctx, request, hmac);
                }
            } finally {
                request.release();
                ctx.channel().config().setAutoRead(true);
            }
        };
        try {
            hmac.refreshThen(shared.refresher(), () -> ctx.executor().execute(answer));
        } catch (RejectedExecutionException stopping) {
            answer.run();
        }
    }

    private void answerWithHmac(ChannelHandlerContext ctx, FullHttpRequest request, HmacGate hmac) {
        io.mtlslab.hmac.HmacVerification verification = hmac.verify(request, session.client());
        if (!verification.verified()) {
            logRequest(request, HttpResponseStatus.UNAUTHORIZED.code(), HmacGate.logNote(verification));
            send(ctx, HmacGate.rejection(verification), HttpUtil.isKeepAlive(request));
            return;
        }
        EchoResponses.Answer answer = EchoResponses.answer(request, session, shared,
                java.util.Map.of("hmac", HmacGate.section(verification)));
        answer.response().headers().set(HmacGate.RESULT_HEADER, verification.code());
        logRequest(request, answer.response().status().code(), answer.note() == null ? HmacGate.logNote(verification)
                : Message.of("serverlog.twoNotes", HmacGate.logNote(verification), answer.note()));
        send(ctx, answer.response(), HttpUtil.isKeepAlive(request));
    }

    void logRequest(HttpRequest request, int status, Message note) {
        logRequest(request.method().name(), request.uri(), status, note);
    }

    /** Logs an answered request; {@code method} and {@code path} are {@code null} when it could not be read. */
    void logRequest(String method, String path, int status, Message note) {
        ClientIdentity client = session == null ? null : session.client();
        shared.log().add(new ConnectionEvent(Instant.now(), remote, ConnectionEvent.Outcome.REQUEST,
                session == null ? null : session.protocol(), session == null ? null : session.cipherSuite(),
                client == null ? null : client.subject(), client == null ? null : client.serialHex(), note, status,
                method, path, shared.unsafe(), null, id,
                session == null ? List.of() : session.secureModeWouldReject()));
    }

    /** A request head still incomplete at the deadline: 408, logged, and the connection closed. */
    private void headTimedOut(ChannelHandlerContext ctx) {
        Message reason = Message.of("serverlog.headTimeout", String.valueOf(shared.settings().headerTimeout().toSeconds()));
        logRequest(null, null, HttpResponseStatus.REQUEST_TIMEOUT.code(), reason);
        send(ctx, EchoResponses.plain(HttpResponseStatus.REQUEST_TIMEOUT, reason.text() + "\n"), false);
    }

    private void send(ChannelHandlerContext ctx, FullHttpResponse response, boolean keepAlive) {
        EchoResponses.labelUnsafe(response, shared.unsafeMessages());
        HttpUtil.setContentLength(response, response.content().readableBytes());
        // Through the whole pipeline: the caller may sit before the HTTP encoder (the head deadline does).
        if (keepAlive) {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
            ctx.channel().writeAndFlush(response);
        } else {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            ctx.channel().writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // Handshake failures arrive as a completion event too and are logged there; anything else
        // (a reset connection, a protocol error after the handshake) just ends this connection.
        ctx.close();
    }

    /**
     * The first handler of a connection: hands TLS traffic to an {@link SslHandler}, answers plain
     * HTTP with a hint, and drops anything else, logging each as the client's mistake.
     */
    private static final class TlsDetector extends ByteToMessageDecoder {
        private static final int TLS_RECORD_HEADER = 5;

        private final EchoConnection connection;
        private final Supplier<SSLEngine> engines;
        private final Duration handshakeTimeout;
        private ScheduledFuture<?> timeout;

        TlsDetector(EchoConnection connection, Supplier<SSLEngine> engines, Duration handshakeTimeout) {
            this.connection = connection;
            this.engines = engines;
            this.handshakeTimeout = handshakeTimeout;
        }

        @Override
        public void handlerAdded(ChannelHandlerContext ctx) {
            timeout = ctx.executor().schedule(() -> {
                connection.reject(HandshakeRejection.of(HandshakeRejection.HANDSHAKE_TIMEOUT,
                        "serverlog.handshakeTimeout.silent", String.valueOf(handshakeTimeout.toSeconds())), null);
                ctx.close();
            }, handshakeTimeout.toMillis(), TimeUnit.MILLISECONDS);
        }

        @Override
        protected void handlerRemoved0(ChannelHandlerContext ctx) {
            timeout.cancel(false);
        }

        @Override
        protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
            if (in.readableBytes() < TLS_RECORD_HEADER) {
                return;
            }
            if (SslHandler.isEncrypted(in, false)) {
                connection.clientOldVersion = oldHelloVersion(in);
                SSLEngine engine = engines.get();
                connection.engine = engine;
                SslHandler tls = new SslHandler(engine);
                tls.setHandshakeTimeoutMillis(handshakeTimeout.toMillis());
                ctx.pipeline().replace(this, "tls", tls);
                return;
            }
            boolean looksLikeHttp = isHttpMethodStart(in);
            String sample = ByteBufUtil.hexDump(in, in.readerIndex(), Math.min(in.readableBytes(), 8));
            in.skipBytes(in.readableBytes());
            if (looksLikeHttp) {
                connection.reject(HandshakeRejection.of(HandshakeRejection.NOT_TLS, "serverlog.notTls.http"), null);
                ByteBuf hint = Unpooled.copiedBuffer("HTTP/1.0 400 Bad Request\r\nContent-Type: text/plain\r\n"
                        + "Connection: close\r\n\r\nClient sent an HTTP request to an HTTPS server: this port speaks"
                        + " HTTPS with mutual TLS; use https:// and a client certificate.\n", StandardCharsets.US_ASCII);
                ctx.writeAndFlush(hint).addListener(ChannelFutureListener.CLOSE);
            } else {
                connection.reject(HandshakeRejection.of(HandshakeRejection.NOT_TLS, "serverlog.notTls.bytes", sample),
                        null);
                ctx.close();
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) throws Exception {
            if (!connection.rejected && connection.engine == null) {
                connection.reject(connection.shared.stopping().get()
                        ? HandshakeRejection.of(HandshakeRejection.SERVER_STOPPED, "serverlog.serverStopped")
                        : HandshakeRejection.of(HandshakeRejection.CLIENT_CLOSED, "serverlog.clientClosed.beforeHandshake"),
                        null);
            }
            super.channelInactive(ctx);
        }

        /**
         * The {@code client_version} of a ClientHello older than TLS 1.2 ({@code TLSv1.1}, {@code TLSv1},
         * {@code SSLv3}), else {@code null}: such a hello has no supported_versions extension (RFC 8446
         * makes its senders say TLS 1.2 here), so this is the highest version the client offers.
         */
        private static String oldHelloVersion(ByteBuf in) {
            int start = in.readerIndex();
            // record header (type 22, version, length), handshake header (type 1 = ClientHello, length), client_version
            if (in.readableBytes() < 11 || in.getUnsignedByte(start) != 22 || in.getUnsignedByte(start + 5) != 1
                    || in.getUnsignedByte(start + 9) != 3) {
                return null;
            }
            return switch (in.getUnsignedByte(start + 10)) {
                case 0 -> "SSLv3";
                case 1 -> "TLSv1";
                case 2 -> "TLSv1.1";
                default -> null;
            };
        }

        /** An upper-case token followed by a space: how every HTTP/1.x request line begins. */
        private static boolean isHttpMethodStart(ByteBuf in) {
            int start = in.readerIndex();
            int limit = Math.min(in.readableBytes(), 8);
            for (int i = 0; i < limit; i++) {
                byte b = in.getByte(start + i);
                if (b == ' ') {
                    return i > 0;
                }
                if (b < 'A' || b > 'Z') {
                    return false;
                }
            }
            return false;
        }
    }

    /**
     * Netty's body-size limit, with the 413 it sends written to the connection log as well, and the
     * request's headers kept as the client sent them (Netty would add {@code content-length} and drop
     * {@code transfer-encoding: chunked}, and the echo would show headers nobody sent).
     */
    private static final class LimitedAggregator extends HttpObjectAggregator {
        private final EchoConnection connection;
        private HttpHeaders sentHeaders;

        LimitedAggregator(int maxBodyBytes, EchoConnection connection) {
            super(maxBodyBytes);
            this.connection = connection;
        }

        @Override
        protected FullHttpMessage beginAggregation(HttpMessage start, ByteBuf content) throws Exception {
            sentHeaders = start.headers().copy();
            return super.beginAggregation(start, content);
        }

        @Override
        protected void finishAggregation(FullHttpMessage aggregated) throws Exception {
            super.finishAggregation(aggregated);
            if (sentHeaders != null) {
                aggregated.headers().set(sentHeaders);
                sentHeaders = null;
            }
        }

        /** With {@code Expect: 100-continue} Netty answers an oversized request here, not in handleOversizedMessage. */
        @Override
        protected Object newContinueResponse(HttpMessage start, int maxContentLength, ChannelPipeline pipeline) {
            Object response = super.newContinueResponse(start, maxContentLength, pipeline);
            if (response instanceof HttpResponse refusal && start instanceof HttpRequest request
                    && refusal.status().code() != HttpResponseStatus.CONTINUE.code()) {
                connection.logRequest(request, refusal.status().code(),
                        refusal.status().code() == HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE.code()
                                ? Message.of("serverlog.bodyTooLarge.early", String.valueOf(maxContentLength))
                                : Message.of("serverlog.unsupportedExpectation",
                                        PeerText.escape(start.headers().get(HttpHeaderNames.EXPECT))));
            }
            return response;
        }

        @Override
        protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) throws Exception {
            if (oversized instanceof HttpRequest request) {
                connection.logRequest(request, HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE.code(),
                        Message.of("serverlog.bodyTooLarge", String.valueOf(maxContentLength())));
            }
            super.handleOversizedMessage(ctx, oversized);
        }
    }
}
