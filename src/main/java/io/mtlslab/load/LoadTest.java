package io.mtlslab.load;

import io.mtlslab.call.CallRequest;
import io.mtlslab.call.CallResult;
import io.mtlslab.call.TestCall;
import io.mtlslab.call.TrustAnchor;
import io.mtlslab.diagnose.Diagnoser;
import io.mtlslab.tls.NativeTls;
import io.mtlslab.tls.RepeatServerTrust;
import io.mtlslab.tls.TlsContexts;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.timeout.ReadTimeoutHandler;
import java.net.InetAddress;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetSocketAddress;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import javax.net.ssl.SSLException;

/**
 * Many client handshakes against one mTLS server: {@code concurrency} connections at a time, each a
 * fresh TCP connection and (by default) a full TLS handshake, one request, then close. Latencies are
 * kept per call; failures are grouped by cause, and each new kind of failure is explained by re-running
 * that call once as a full {@link TestCall}, so a load run reports diagnosis codes, not exception names.
 *
 * <p>The client runs on Netty with BoringSSL where it loads, so that it is not the bottleneck of the
 * servers it measures; the report says which TLS implementation ran.
 */
public final class LoadTest {

    private LoadTest() {
    }

    /**
     * Runs the load; reports progress about twice a second to {@code progress} (may be {@code null});
     * stops early when {@code cancelled} turns true.
     */
    public static LoadReport run(LoadRequest request, Consumer<LoadProgress> progress, BooleanSupplier cancelled)
            throws InterruptedException {
        return new Run(request, progress, cancelled == null ? () -> false : cancelled).execute();
    }

    /** The state of one load run. */
    private static final class Run {
        private final LoadRequest request;
        private final CallRequest call;
        private final Consumer<LoadProgress> progress;
        private final BooleanSupplier cancelled;
        private final SslProvider provider;
        /** One judge of the server's chain for the whole run, so that a chain is validated once, not per call. */
        private final RepeatServerTrust serverTrust;
        private final SslContext sharedContext;
        private final InetSocketAddress address;
        private final long deadlineNanos;
        private final long start = System.nanoTime();

        private final AtomicLong started = new AtomicLong();
        private final AtomicLong finished = new AtomicLong();
        private final AtomicLong succeeded = new AtomicLong();
        private final AtomicLong handshakes = new AtomicLong();
        private final AtomicLong resumed = new AtomicLong();
        private final LongSamples handshakeNanos = new LongSamples();
        private final LongSamples requestNanos = new LongSamples();
        private final Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
        private final Map<String, Failures> failures = new ConcurrentHashMap<>();
        private final CountDownLatch allDone;
        private final AtomicLong inFlight = new AtomicLong();
        private volatile boolean stopping;
        private final List<Thread> networkThreads = new java.util.concurrent.CopyOnWriteArrayList<>();
        private double busy = Double.NaN;

        Run(LoadRequest request, Consumer<LoadProgress> progress, BooleanSupplier cancelled) {
            this.request = request;
            this.call = request.call();
            this.progress = progress;
            this.cancelled = cancelled;
            this.provider = NativeTls.choose(request.provider() != LoadRequest.TlsProvider.JDK,
                    request.provider() == LoadRequest.TlsProvider.OPENSSL);
            List<X509Certificate> anchors = call.trust().kind() == TrustAnchor.Kind.SYSTEM ? List.of()
                    : call.trust().certificates();
            this.serverTrust = new RepeatServerTrust(anchors.isEmpty() ? TlsContexts.systemTrustManager()
                    : TlsContexts.trustManager(anchors));
            this.sharedContext = provider == SslProvider.JDK && !request.resume() ? null : context();
            this.address = resolve(call);
            this.deadlineNanos = request.count() > 0 ? Long.MAX_VALUE : start + request.duration().toNanos();
            this.allDone = new CountDownLatch(1);
        }

        LoadReport execute() throws InterruptedException {
            ThreadFactory netty = new DefaultThreadFactory("mtls-lab-load");
            EventLoopGroup group = new MultiThreadIoEventLoopGroup(
                    Math.max(1, Math.min(request.concurrency(), Runtime.getRuntime().availableProcessors())),
                    runnable -> {
                        Thread thread = netty.newThread(runnable);
                        networkThreads.add(thread);
                        return thread;
                    }, NioIoHandler.newFactory());
            ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread thread = new Thread(r, "mtls-lab-load-progress");
                thread.setDaemon(true);
                return thread;
            });
            try {
                Bootstrap bootstrap = new Bootstrap().group(group).channel(NioSocketChannel.class)
                        .option(ChannelOption.TCP_NODELAY, true)
                        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE,
                                call.connectTimeout().toMillis()));
                ticker.scheduleAtFixedRate(this::tick, 500, 500, TimeUnit.MILLISECONDS);
                for (int i = 0; i < request.concurrency(); i++) {
                    next(bootstrap);
                }
                allDone.await();
            } finally {
                ticker.shutdownNow();
                busy = clientBusy();
                group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
            }
            tick();
            return report();
        }

        /** Starts one more call, unless the count, the time or a cancel says stop. */
        private void next(Bootstrap bootstrap) {
            if (cancelled.getAsBoolean()) {
                stopping = true;
            }
            boolean more = !stopping && (request.count() > 0 ? started.incrementAndGet() <= request.count()
                    : System.nanoTime() < deadlineNanos && started.incrementAndGet() > 0);
            if (!more) {
                if (inFlight.get() == 0) {
                    allDone.countDown();
                }
                return;
            }
            inFlight.incrementAndGet();
            new Connection(bootstrap).open();
        }

        /** One call: connect, handshake, request, response, close — then the next. */
        private final class Connection {
            private final Bootstrap bootstrap;
            private long connected;
            private long requestSent;
            private long handshakeTook = -1;
            private boolean resumedSession;
            private boolean done;

            Connection(Bootstrap bootstrap) {
                this.bootstrap = bootstrap;
            }

            void open() {
                SslContext context;
                try {
                    context = sharedContext != null ? sharedContext : context();
                } catch (RuntimeException e) {
                    finish(null, e, null);
                    return;
                }
                bootstrap.clone().handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        SslHandler tls = context.newHandler(channel.alloc(), call.host(), call.port());
                        tls.setHandshakeTimeoutMillis(call.readTimeout().toMillis());
                        // The clock starts as the connection opens, just before the TLS handler sends its
                        // first flight: the connect future's listener may run later than that (it is added
                        // after connect() returns, from another thread), and a handshake measured from a
                        // time never set would count from zero, the machine's uptime.
                        channel.pipeline().addLast(new ChannelInboundHandlerAdapter() {
                            @Override
                            public void channelActive(ChannelHandlerContext ctx) {
                                connected = System.nanoTime();
                                ctx.fireChannelActive();
                            }
                        }, tls, new ReadTimeoutHandler(call.readTimeout().toMillis(),
                                TimeUnit.MILLISECONDS), new HttpClientCodec(), new HttpObjectAggregator(1 << 20),
                                new SimpleChannelInboundHandler<FullHttpResponse>() {
                                    @Override
                                    protected void channelRead0(ChannelHandlerContext ctx, FullHttpResponse response) {
                                        finish(ctx.channel(), null, response.status().code());
                                    }

                                    @Override
                                    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                                        finish(ctx.channel(), cause, null);
                                    }

                                    @Override
                                    public void channelInactive(ChannelHandlerContext ctx) {
                                        finish(ctx.channel(), new java.io.EOFException(
                                                "the server closed the connection without an HTTP response"), null);
                                    }
                                });
                        tls.handshakeFuture().addListener(future -> {
                            if (future.isSuccess()) {
                                handshakeDone(channel, tls.engine());
                            } else {
                                finish(channel, future.cause(), null);
                            }
                        });
                    }
                }).connect(address).addListener((ChannelFutureListener) future -> {
                    if (!future.isSuccess()) {
                        finish(null, future.cause(), null);
                    }
                });
            }

            private void handshakeDone(Channel channel, javax.net.ssl.SSLEngine engine) {
                // Counted only once the server answers: in TLS 1.3 it may still refuse our certificate.
                handshakeTook = System.nanoTime() - connected;
                resumedSession = resumed(engine, System.currentTimeMillis() - handshakeTook / 1_000_000);
                FullHttpRequest http = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.valueOf(call.method()),
                        call.pathAndQuery(), Unpooled.wrappedBuffer(call.body()));
                http.headers().set(HttpHeaderNames.HOST, call.url().getPort() == -1 ? call.host()
                        : call.host() + ":" + call.port());
                http.headers().set(HttpHeaderNames.USER_AGENT, "mtls-lab-load");
                http.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
                if (call.body().length > 0) {
                    http.headers().set(HttpHeaderNames.CONTENT_LENGTH, call.body().length);
                }
                call.headers().forEach((name, value) -> http.headers().set(name, value));
                requestSent = System.nanoTime();
                channel.writeAndFlush(http);
            }

            private synchronized boolean markDone() {
                boolean first = !done;
                done = true;
                return first;
            }

            private void finish(Channel channel, Throwable error, Integer status) {
                if (!markDone()) {
                    return;
                }
                if (status != null) {
                    requestNanos.add(System.nanoTime() - requestSent);
                    handshakes.incrementAndGet();
                    handshakeNanos.add(handshakeTook);
                    if (resumedSession) {
                        resumed.incrementAndGet();
                    }
                    statuses.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
                }
                if (error == null && status != null && status < 400) {
                    succeeded.incrementAndGet();
                } else {
                    String signature = status != null ? "HTTP " + status : signature(error);
                    failures.computeIfAbsent(signature, s -> new Failures(s, status != null ? "HTTP " + status
                            : Diagnoser.rawMessage(error))).count.incrementAndGet();
                }
                if (channel != null) {
                    channel.close();
                }
                finished.incrementAndGet();
                inFlight.decrementAndGet();
                next(bootstrap);
            }
        }

        private SslContext context() {
            try {
                return NativeTls.client(provider, call.identity() == null ? null : call.identity().credential(),
                        serverTrust, call.protocols(), request.resume());
            } catch (SSLException e) {
                throw new IllegalStateException("cannot set up the load client's TLS: " + e.getMessage(), e);
            }
        }

        private void tick() {
            if (progress == null) {
                return;
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            long done = finished.get();
            double fraction = request.count() > 0 ? (double) done / request.count()
                    : Math.min(1.0, (double) elapsed.toNanos() / request.duration().toNanos());
            double seconds = elapsed.toNanos() / 1e9;
            progress.accept(new LoadProgress(done, succeeded.get(), done - succeeded.get(), elapsed, fraction,
                    seconds <= 0 ? 0 : handshakes.get() / seconds));
        }

        /** The network threads' CPU time over their share of the elapsed time; NaN where not measurable. */
        private double clientBusy() {
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long elapsed = System.nanoTime() - start;
            if (!threads.isThreadCpuTimeSupported() || networkThreads.isEmpty() || elapsed <= 0) {
                return Double.NaN;
            }
            long cpu = 0;
            for (Thread thread : networkThreads) {
                long used = threads.getThreadCpuTime(thread.getId());
                if (used < 0) {
                    return Double.NaN;
                }
                cpu += used;
            }
            return Math.min(1.0, (double) cpu / ((double) elapsed * networkThreads.size()));
        }

        private LoadReport report() {
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            Map<Integer, Long> byStatus = new TreeMap<>();
            statuses.forEach((status, count) -> byStatus.put(status, count.get()));
            long calls = finished.get();
            return new LoadReport(call.url().toString(), NativeTls.describe(provider), request.concurrency(),
                    request.resume(), calls, succeeded.get(), handshakes.get(), handshakes.get() - resumed.get(),
                    elapsed, Latency.of(handshakeNanos.toArray()), Latency.of(requestNanos.toArray()), byStatus,
                    diagnose(), stopping && (request.count() == 0 || calls < request.count()), busy);
        }

        /**
         * One full test call per kind of failure, run after the load (not during it, so it does not
         * disturb the figures), gives each group its diagnosis code and words.
         */
        private List<FailureGroup> diagnose() {
            Map<String, FailureGroup> groups = new LinkedHashMap<>();
            List<Failures> kinds = new ArrayList<>(failures.values());
            kinds.sort(Comparator.comparingLong((Failures f) -> f.count.get()).reversed());
            for (Failures kind : kinds) {
                CallResult probe = TestCall.run(call);
                String code;
                io.mtlslab.text.Message summary;
                if (probe.diagnosis() != null) {
                    code = probe.diagnosis().code().name();
                    summary = probe.diagnosis().summaryMessage();
                } else {
                    code = FailureGroup.TRANSIENT;
                    summary = io.mtlslab.text.Message.of("load.transient", kind.example.lines().findFirst().orElse(""));
                }
                FailureGroup merged = groups.get(code);
                long count = kind.count.get() + (merged == null ? 0 : merged.count());
                groups.put(code, new FailureGroup(code, count, merged == null ? summary : merged.summaryText(),
                        merged == null ? kind.example : merged.example()));
            }
            return new ArrayList<>(groups.values());
        }

        /**
         * Whether the engine's handshake resumed a session. BoringSSL's engine knows (Netty keeps the
         * method package-private, hence the reflection); the JDK's session was created before the
         * handshake began when it was resumed. BoringSSL's session times are in whole seconds, so the
         * time test would be wrong there.
         */
        private static boolean resumed(javax.net.ssl.SSLEngine engine, long handshakeStartMillis) {
            for (Class<?> type = engine.getClass(); type != null; type = type.getSuperclass()) {
                try {
                    java.lang.reflect.Method reused = type.getDeclaredMethod("isSessionReused");
                    reused.setAccessible(true);
                    return (Boolean) reused.invoke(engine);
                } catch (NoSuchMethodException next) {
                    // look further up
                } catch (ReflectiveOperationException | RuntimeException e) {
                    break;
                }
            }
            return engine.getSession().getCreationTime() < handshakeStartMillis;
        }

        private static String signature(Throwable error) {
            String alert = Diagnoser.alert(error);
            Throwable root = Diagnoser.rootCause(error);
            return root.getClass().getSimpleName() + (alert != null ? " alert " + alert : ": " + root.getMessage());
        }

        private static InetSocketAddress resolve(CallRequest call) {
            try {
                InetAddress address = call.connectTo() != null ? call.connectTo() : InetAddress.getByName(call.host());
                return new InetSocketAddress(address, call.port());
            } catch (java.net.UnknownHostException e) {
                throw io.mtlslab.pki.PkiException.because(e, "url", "loadHostUnresolved", call.host());
            }
        }
    }

    /** Failures of one signature, counted, with the first one's words. */
    private static final class Failures {
        final AtomicLong count = new AtomicLong();
        final String example;

        Failures(String signature, String example) {
            this.example = example == null ? signature : example;
        }
    }

    /** Latency samples from many threads, kept whole for exact percentiles. */
    private static final class LongSamples {
        private long[] values = new long[1024];
        private int size;

        synchronized void add(long value) {
            if (size == values.length) {
                values = java.util.Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        synchronized long[] toArray() {
            return java.util.Arrays.copyOf(values, size);
        }
    }
}
