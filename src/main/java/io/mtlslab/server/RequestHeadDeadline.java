package io.mtlslab.server;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.LastHttpContent;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A deadline for each request head: from the first byte of a request until its request line and
 * headers are complete. The idle timer restarts on every byte, so without this a client that drips one
 * header byte at a time would hold its connection (and a slot of the server) forever.
 *
 * <p>Two handlers share the state: {@link #bytes()} before the HTTP codec starts the clock when bytes of
 * a new request arrive, {@link #heads()} after it stops the clock when the codec has read the head.
 */
final class RequestHeadDeadline {

    private final Duration timeout;
    private final Consumer<ChannelHandlerContext> onTimeout;
    private ScheduledFuture<?> clock;
    private boolean inBody;
    private boolean expired;

    RequestHeadDeadline(Duration timeout, Consumer<ChannelHandlerContext> onTimeout) {
        this.timeout = timeout;
        this.onTimeout = onTimeout;
    }

    ChannelInboundHandlerAdapter bytes() {
        return new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                if (expired) {
                    io.netty.util.ReferenceCountUtil.release(msg);
                    return;
                }
                if (clock == null && !inBody && msg instanceof ByteBuf bytes && bytes.isReadable()) {
                    clock = ctx.executor().schedule(() -> expire(ctx), timeout.toMillis(), TimeUnit.MILLISECONDS);
                }
                ctx.fireChannelRead(msg);
            }

            @Override
            public void channelInactive(ChannelHandlerContext ctx) {
                stop();
                ctx.fireChannelInactive();
            }
        };
    }

    ChannelInboundHandlerAdapter heads() {
        return new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                if (msg instanceof HttpRequest) {
                    stop();
                    inBody = true;
                }
                if (msg instanceof LastHttpContent) {
                    inBody = false;
                }
                ctx.fireChannelRead(msg);
            }
        };
    }

    private void expire(ChannelHandlerContext ctx) {
        clock = null;
        if (ctx.channel().isActive()) {
            expired = true;
            onTimeout.accept(ctx);
        }
    }

    private void stop() {
        if (clock != null) {
            clock.cancel(false);
            clock = null;
        }
    }
}
