package io.mtlslab.call;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * HTTP/1.1 over a socket we already hold (the TLS socket whose handshake we watched), framed by
 * Netty's HTTP codec in an embedded channel: Netty writes the request and parses the response, we
 * only move bytes — so the call keeps control of every read and can time the first byte.
 */
final class HttpExchange implements AutoCloseable {

    private static final int MAX_RESPONSE_BYTES = 4 * 1024 * 1024;

    private final EmbeddedChannel channel = new EmbeddedChannel(new HttpClientCodec(),
            new HttpObjectAggregator(MAX_RESPONSE_BYTES));

    /** Encodes the request and writes it to {@code out}. */
    void send(CallRequest request, OutputStream out) throws IOException {
        FullHttpRequest http = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.valueOf(request.method()),
                request.pathAndQuery(), Unpooled.wrappedBuffer(request.body()));
        String host = request.host().contains(":") ? "[" + request.host() + "]" : request.host();
        http.headers().set(HttpHeaderNames.HOST, request.url().getPort() == -1 ? host : host + ":" + request.port());
        http.headers().set(HttpHeaderNames.USER_AGENT, "mtls-lab");
        http.headers().set(HttpHeaderNames.ACCEPT, "application/json, text/plain;q=0.9, */*;q=0.1");
        http.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        if (request.body().length > 0 || !List.of("GET", "HEAD", "DELETE", "OPTIONS").contains(request.method())) {
            http.headers().set(HttpHeaderNames.CONTENT_LENGTH, request.body().length);
        }
        request.headers().forEach((name, value) -> http.headers().set(name, value));
        channel.writeOutbound(http);
        ByteBuf encoded;
        while ((encoded = channel.readOutbound()) != null) {
            try {
                encoded.readBytes(out, encoded.readableBytes());
            } finally {
                encoded.release();
            }
        }
        out.flush();
    }

    /** Feeds bytes read from the server to the decoder; returns the response once it is complete. */
    HttpResponse offer(byte[] bytes, int length) {
        channel.writeInbound(Unpooled.copiedBuffer(bytes, 0, length));
        return poll();
    }

    /** The server closed the connection: a close-delimited response ends here. */
    HttpResponse endOfStream() {
        channel.finish();
        return poll();
    }

    /** Reads the whole response from {@code in}; {@code firstByte} is run when the first bytes arrive. */
    HttpResponse receive(InputStream in, Runnable firstByte) throws IOException {
        byte[] buffer = new byte[16 * 1024];
        boolean first = true;
        while (true) {
            int read = in.read(buffer);
            if (first) {
                firstByte.run();
                first = false;
            }
            if (read < 0) {
                HttpResponse response = endOfStream();
                if (response == null) {
                    throw new java.io.EOFException("the server closed the connection without an HTTP response");
                }
                return response;
            }
            HttpResponse response = offer(buffer, read);
            if (response != null) {
                return response;
            }
        }
    }

    private HttpResponse poll() {
        Object message = channel.readInbound();
        if (message == null) {
            return null;
        }
        if (!(message instanceof FullHttpResponse full)) {
            io.netty.util.ReferenceCountUtil.release(message);
            throw new IllegalStateException("unexpected HTTP object " + message.getClass().getSimpleName());
        }
        try {
            if (full.decoderResult().isFailure()) {
                throw new IllegalStateException("the server's answer is not valid HTTP: "
                        + full.decoderResult().cause().getMessage(), full.decoderResult().cause());
            }
            List<Map.Entry<String, String>> headers = new ArrayList<>();
            full.headers().forEach(e -> headers.add(Map.entry(e.getKey(), e.getValue())));
            return new HttpResponse(full.status().code(), full.status().reasonPhrase(), headers,
                    full.content().toString(StandardCharsets.UTF_8));
        } finally {
            full.release();
        }
    }

    @Override
    public void close() {
        channel.finishAndReleaseAll();
    }
}
