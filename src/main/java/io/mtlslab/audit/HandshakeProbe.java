package io.mtlslab.audit;

import io.mtlslab.diagnose.Diagnoser;
import io.mtlslab.pki.Credential;
import io.mtlslab.tls.NativeTls;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A bare TLS handshake on BoringSSL with chosen versions or cipher suites, for what JSSE can no longer
 * offer (TLS 1.0/1.1) and for "which suites does the server accept". The server's certificate is not
 * judged here (other probes do that): only whether the server agrees to the handshake.
 */
final class HandshakeProbe {

    /**
     * What the handshake gave: the version and suite agreed, or the failure ({@code null} when the server
     * did not answer in time).
     */
    record Outcome(boolean completed, String protocol, String cipherSuite, String failure) {

        /** Why the handshake failed, for a report: the peer's words made safe, or "no answer in time" in the current language. */
        io.mtlslab.text.Message why() {
            return failure == null ? io.mtlslab.text.Message.of("audit.reason.noAnswerInTime")
                    : AuditWords.verbatim(io.mtlslab.pki.PeerText.escape(failure));
        }
    }

    private HandshakeProbe() {
    }

    /** Whether handshake probes can run here (BoringSSL's native library loaded). */
    static boolean available() {
        return NativeTls.available();
    }

    static Outcome handshake(URI url, Credential identity, List<String> protocols, List<String> cipherSuites,
                             Duration timeout) {
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        try {
            SslContextBuilder builder = SslContextBuilder.forClient().sslProvider(SslProvider.OPENSSL)
                    .trustManager(InsecureTrustManagerFactory.INSTANCE).protocols(protocols);
            if (cipherSuites != null) {
                builder.ciphers(cipherSuites);
            }
            if (identity != null) {
                builder.keyManager(identity.privateKey(), identity.tlsChain().toArray(X509Certificate[]::new));
            }
            SslContext context = builder.build();
            int port = url.getPort() == -1 ? 443 : url.getPort();
            SslHandler[] tls = new SslHandler[1];
            Channel channel = new Bootstrap().group(group).channel(NioSocketChannel.class)
                    .handler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            tls[0] = context.newHandler(ch.alloc(), url.getHost(), port);
                            tls[0].setHandshakeTimeoutMillis(timeout.toMillis());
                            ch.pipeline().addLast(tls[0], new io.netty.channel.ChannelInboundHandlerAdapter() {
                                @Override
                                public void exceptionCaught(io.netty.channel.ChannelHandlerContext ctx, Throwable cause) {
                                    ctx.close();   // the handshake future carries the failure
                                }
                            });
                        }
                    }).connect(url.getHost(), port).syncUninterruptibly().channel();
            var done = tls[0].handshakeFuture().awaitUninterruptibly(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
            try {
                if (done && tls[0].handshakeFuture().isSuccess()) {
                    var session = tls[0].engine().getSession();
                    return new Outcome(true, session.getProtocol(), session.getCipherSuite(), null);
                }
                Throwable cause = tls[0].handshakeFuture().cause();
                return new Outcome(false, null, null, cause == null ? null : Diagnoser.rootMessage(cause));
            } finally {
                channel.close().syncUninterruptibly();
            }
        } catch (Exception e) {
            return new Outcome(false, null, null, Diagnoser.rootMessage(e));
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

}
