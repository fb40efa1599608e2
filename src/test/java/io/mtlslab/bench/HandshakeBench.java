package io.mtlslab.bench;

import io.mtlslab.pki.Workspace;
import io.mtlslab.testing.TestPki;
import io.mtlslab.tls.TlsContexts;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;

/**
 * The load client of {@code bench/handshakes.sh}: full mTLS handshakes per second against a server on
 * loopback. Every connection gets a fresh {@link SSLContext} (an empty session cache), so none can be
 * resumed; each sends one GET and reads the whole answer.
 *
 * <pre>
 * HandshakeBench run DIR PORT CONNECTIONS CONCURRENCY MAX_SECONDS [WARMUP]
 * </pre>
 * Prints {@code handshakes/s=<rate> ok=<n> failed=<n> seconds=<s>} on one line.
 */
public final class HandshakeBench {

    private static final byte[] GET = ("GET / HTTP/1.1\r\nHost: localhost\r\nAccept: text/plain\r\nConnection: close"
            + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);

    private HandshakeBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 6 || !args[0].equals("run")) {
            System.err.println("usage: HandshakeBench run DIR PORT CONNECTIONS CONCURRENCY MAX_SECONDS [WARMUP]");
            System.exit(2);
        }
        Workspace workspace = Workspace.open(Path.of(args[1]));
        int port = Integer.parseInt(args[2]);
        int connections = Integer.parseInt(args[3]);
        int concurrency = Integer.parseInt(args[4]);
        int maxSeconds = Integer.parseInt(args[5]);
        int warmup = args.length > 6 ? Integer.parseInt(args[6]) : 0;

        KeyManager keys = TlsContexts.keyManager(TestPki.credential(workspace, Workspace.CLIENT));
        TrustManager trust = TlsContexts.trustManager(List.of(workspace.caCertificate()));
        if (warmup > 0) {
            load(keys, trust, port, warmup, concurrency, maxSeconds);
        }
        Result result = load(keys, trust, port, connections, concurrency, maxSeconds);
        System.out.printf(Locale.ROOT, "handshakes/s=%.1f ok=%d failed=%d seconds=%.2f%n", result.ok / result.seconds,
                result.ok, result.failed, result.seconds);
        if (result.firstFailure != null) {
            System.out.println("first failure: " + result.firstFailure);
        }
    }

    private record Result(int ok, int failed, double seconds, String firstFailure) {
    }

    private static Result load(KeyManager keys, TrustManager trust, int port, int connections, int concurrency,
                               int maxSeconds) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicLong lastDone = new AtomicLong();
        String[] firstFailure = new String[1];
        long start = System.nanoTime();
        long deadline = start + TimeUnit.SECONDS.toNanos(maxSeconds);
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        for (int i = 0; i < concurrency; i++) {
            pool.execute(() -> {
                while (next.getAndIncrement() < connections && System.nanoTime() < deadline) {
                    try {
                        if (oneCall(keys, trust, port)) {
                            ok.incrementAndGet();
                        } else {
                            failed.incrementAndGet();
                        }
                    } catch (IOException | RuntimeException e) {
                        failed.incrementAndGet();
                        synchronized (firstFailure) {
                            if (firstFailure[0] == null) {
                                firstFailure[0] = e.toString();
                            }
                        }
                    }
                    lastDone.set(System.nanoTime());
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(maxSeconds + 30L, TimeUnit.SECONDS);
        double seconds = (lastDone.get() - start) / 1e9;
        return new Result(ok.get(), failed.get(), seconds, firstFailure[0]);
    }

    private static boolean oneCall(KeyManager keys, TrustManager trust, int port) throws IOException {
        SSLContext context = TlsContexts.context(keys, trust);
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("localhost", port)) {
            socket.setSoTimeout(30_000);
            socket.setTcpNoDelay(true); // else Nagle + delayed ACKs add ~40 ms to the request after the handshake
            socket.getOutputStream().write(GET);
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            byte[] answer = in.readAllBytes();
            String head = new String(answer, 0, Math.min(answer.length, 16), StandardCharsets.US_ASCII);
            return head.startsWith("HTTP/1.1 200") || head.startsWith("HTTP/1.0 200");
        }
    }
}
