package io.mtlslab.cli;

import com.fasterxml.jackson.jr.ob.JSON;
import io.mtlslab.load.FailureGroup;
import io.mtlslab.load.Latency;
import io.mtlslab.load.LoadProgress;
import io.mtlslab.load.LoadReport;
import io.mtlslab.load.LoadRequest;
import io.mtlslab.load.LoadTest;
import io.mtlslab.pki.PkiException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mtls-lab load URL}: many client handshakes against one server, with latencies and failures by cause. */
@Command(name = "load", mixinStandardHelpOptions = true,
        description = {"Load-test an mTLS server: CONCURRENCY connections at a time, each a fresh connection and a full"
                + " TLS handshake (unless --resume) with one request. Prints handshakes/s, latency percentiles of the"
                + " handshake and of the request, and failures grouped by diagnosis code.",
            "Exit status: 0 every call succeeded, 1 some failed, 2 bad input."})
final class LoadCommand implements Callable<Integer> {

    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h)?");

    @Parameters(index = "0", paramLabel = "URL", description = "e.g. https://localhost:8443/")
    String url;

    @Mixin
    CallTargetOptions target;

    @Option(names = {"-c", "--concurrency"}, paramLabel = "N", description = "Connections at a time (default ${DEFAULT-VALUE}).")
    int concurrency = 8;

    @Option(names = {"-n", "--count"}, paramLabel = "COUNT", description = "Number of calls (default 1000 unless -d).")
    Long count;

    @Option(names = {"-d", "--duration"}, paramLabel = "DURATION", description = "Run for this long instead: 30s, 2m, 500ms.")
    String duration;

    @Option(names = "--resume", description = "Allow TLS session resumption (default: full handshakes only).")
    boolean resume;

    @Option(names = "--tls-provider", paramLabel = "auto|openssl|jdk",
            description = "The load client's TLS: BoringSSL where it loads (auto, the default), or the JDK's.")
    String provider = "auto";

    @Option(names = "--json", description = "Print the report as JSON.")
    boolean json;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (concurrency < 1 || concurrency > 10_000) {
            throw new PkiException("concurrency", "-c " + concurrency + " is out of range", "give 1 to 10000");
        }
        if (count != null && duration != null) {
            throw new PkiException("count", "-n and -d contradict each other", "give a count or a duration");
        }
        if (count != null && count < 1) {
            throw new PkiException("count", "-n " + count + " is not a positive number", "give at least 1");
        }
        LoadRequest.TlsProvider tlsProvider = switch (provider.toLowerCase(Locale.ROOT)) {
            case "auto" -> LoadRequest.TlsProvider.AUTO;
            case "openssl", "boringssl" -> LoadRequest.TlsProvider.OPENSSL;
            case "jdk" -> LoadRequest.TlsProvider.JDK;
            default -> throw new PkiException("tls-provider", "unknown TLS provider '" + provider + "'",
                    "give auto, openssl or jdk");
        };
        Duration runFor = duration == null ? null : parseDuration(duration);
        LoadRequest request = new LoadRequest(target.builder(url).build(), concurrency,
                runFor != null ? 0 : count != null ? count : 1000, runFor, resume, tlsProvider);
        PrintWriter err = spec.commandLine().getErr();
        boolean live = System.console() != null && !json;
        LoadReport report = LoadTest.run(request, live ? p -> progressLine(err, p) : null, null);
        if (live) {
            err.print("\r" + " ".repeat(78) + "\r");
            err.flush();
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(JSON.std.with(JSON.Feature.PRETTY_PRINT_OUTPUT).asString(toMap(report)));
        } else {
            print(report, out);
        }
        out.flush();
        return report.failed() == 0 ? 0 : 1;
    }

    static Duration parseDuration(String text) {
        Matcher matcher = DURATION.matcher(text.trim());
        if (!matcher.matches()) {
            throw new PkiException("duration", "'" + text + "' is not a duration", "write it as 30s, 2m or 500ms");
        }
        long value = Long.parseLong(matcher.group(1));
        String unit = matcher.group(2) == null ? "s" : matcher.group(2);
        Duration parsed = switch (unit) {
            case "ms" -> Duration.ofMillis(value);
            case "m" -> Duration.ofMinutes(value);
            case "h" -> Duration.ofHours(value);
            default -> Duration.ofSeconds(value);
        };
        if (parsed.isZero()) {
            throw new PkiException("duration", "-d " + text + " is zero", "give a positive duration such as 10s");
        }
        return parsed;
    }

    private static void progressLine(PrintWriter err, LoadProgress p) {
        int filled = (int) Math.round(p.fraction() * 20);
        err.printf(Locale.ROOT, "\r[%s%s] %d calls, %d failed, %.0f handshakes/s   ", "#".repeat(filled),
                ".".repeat(20 - filled), p.calls(), p.failed(), p.handshakesPerSecond());
        err.flush();
    }

    private static void print(LoadReport report, PrintWriter out) {
        out.printf(Locale.ROOT, "== Load on %s: %d connections at a time, %s, client TLS %s%n", report.url(),
                report.concurrency(), report.resume() ? "resumption allowed" : "full handshakes", report.tlsProvider());
        out.printf(Locale.ROOT, "  calls:        %d in %.2f s: %d succeeded, %d failed%s%n", report.calls(),
                report.elapsed().toNanos() / 1e9, report.succeeded(), report.failed(),
                report.cancelled() ? " (stopped early)" : "");
        out.printf(Locale.ROOT, "  handshakes/s: %.1f (%d handshakes, %d full, %d resumed)%n", report.handshakesPerSecond(),
                report.handshakes(), report.fullHandshakes(), report.handshakes() - report.fullHandshakes());
        out.printf(Locale.ROOT, "  calls/s:      %.1f%n", report.callsPerSecond());
        out.println("  handshake:    " + latency(report.handshake()));
        out.println("  request:      " + latency(report.request()));
        StringBuilder statuses = new StringBuilder();
        report.statuses().forEach((status, n) -> statuses.append(statuses.isEmpty() ? "" : ", ").append(status)
                .append(" x").append(n));
        out.println("  statuses:     " + (statuses.isEmpty() ? "-" : statuses));
        if (!report.failures().isEmpty()) {
            out.println("== Failures by cause");
            for (FailureGroup group : report.failures()) {
                out.printf(Locale.ROOT, "  %6d  %s: %s%n", group.count(), group.code(), group.summary());
                out.println("          e.g. " + group.example().lines().findFirst().orElse(""));
            }
        }
    }

    private static String latency(Latency latency) {
        return latency.count() == 0 ? "-" : String.format(Locale.ROOT, "p50 %s  p90 %s  p99 %s  max %s",
                ms(latency.p50()), ms(latency.p90()), ms(latency.p99()), ms(latency.max()));
    }

    private static String ms(Duration duration) {
        return String.format(Locale.ROOT, "%.2f ms", duration.toNanos() / 1e6);
    }

    static Map<String, Object> toMap(LoadReport report) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("url", report.url());
        root.put("tlsProvider", report.tlsProvider());
        root.put("concurrency", report.concurrency());
        root.put("resume", report.resume());
        root.put("calls", report.calls());
        root.put("succeeded", report.succeeded());
        root.put("failed", report.failed());
        root.put("cancelled", report.cancelled());
        root.put("elapsedMs", report.elapsed().toNanos() / 1e6);
        root.put("handshakes", report.handshakes());
        root.put("fullHandshakes", report.fullHandshakes());
        root.put("handshakesPerSecond", report.handshakesPerSecond());
        root.put("callsPerSecond", report.callsPerSecond());
        root.put("handshakeLatency", latencyMap(report.handshake()));
        root.put("requestLatency", latencyMap(report.request()));
        Map<String, Object> statuses = new LinkedHashMap<>();
        report.statuses().forEach((status, n) -> statuses.put(String.valueOf(status), n));
        root.put("statuses", statuses);
        root.put("failures", report.failures().stream().map(g -> {
            Map<String, Object> group = new LinkedHashMap<>();
            group.put("code", g.code());
            group.put("count", g.count());
            group.put("summary", g.summary());
            group.put("example", g.example());
            return group;
        }).toList());
        return root;
    }

    private static Map<String, Object> latencyMap(Latency latency) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("count", latency.count());
        map.put("p50Ms", latency.p50().toNanos() / 1e6);
        map.put("p90Ms", latency.p90().toNanos() / 1e6);
        map.put("p99Ms", latency.p99().toNanos() / 1e6);
        map.put("maxMs", latency.max().toNanos() / 1e6);
        List<Object> buckets = latency.buckets().stream().map(b -> (Object) Map.of("upToMs", b.upTo().toNanos() / 1e6,
                "count", b.count())).toList();
        map.put("histogram", buckets);
        return map;
    }
}
