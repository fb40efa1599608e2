package io.mtlslab.cli;

import com.fasterxml.jackson.jr.ob.JSON;
import io.mtlslab.load.FailureGroup;
import io.mtlslab.load.Latency;
import io.mtlslab.load.LoadProgress;
import io.mtlslab.load.LoadReport;
import io.mtlslab.load.LoadRequest;
import io.mtlslab.load.LoadTest;
import io.mtlslab.pki.PkiException;
import io.mtlslab.text.Texts;
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

    @Option(names = "--warmup", paramLabel = "COUNT", description = "Calls made first and not counted (default 0):"
            + " a Java server, and this client, compile their code during the first few thousand calls.")
    long warmup;

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
            throw PkiException.of("concurrency", "loadConcurrency", String.valueOf(concurrency));
        }
        if (count != null && duration != null) {
            throw PkiException.of("count", "loadCountAndDuration");
        }
        if (count != null && count < 1) {
            throw PkiException.of("count", "loadCount", String.valueOf(count));
        }
        LoadRequest.TlsProvider tlsProvider = switch (provider.toLowerCase(Locale.ROOT)) {
            case "auto" -> LoadRequest.TlsProvider.AUTO;
            case "openssl", "boringssl" -> LoadRequest.TlsProvider.OPENSSL;
            case "jdk" -> LoadRequest.TlsProvider.JDK;
            default -> throw PkiException.of("tls-provider", "loadProvider", provider);
        };
        if (warmup < 0) {
            throw PkiException.of("warmup", "loadWarmup", String.valueOf(warmup));
        }
        Duration runFor = duration == null ? null : parseDuration(duration);
        LoadRequest request = new LoadRequest(target.builder(url).build(), concurrency,
                runFor != null ? 0 : count != null ? count : 1000, runFor, resume, tlsProvider);
        PrintWriter err = spec.commandLine().getErr();
        boolean live = System.console() != null && !json;
        if (warmup > 0) {
            // The same calls, in the same process, thrown away: only what follows is measured.
            LoadTest.run(new LoadRequest(request.call(), concurrency, warmup, null, resume, tlsProvider),
                    live ? p -> progressLine(err, p) : null, null);
        }
        LoadReport report = LoadTest.run(request, live ? p -> progressLine(err, p) : null, null);
        if (live) {
            err.print("\r" + " ".repeat(78) + "\r");
            err.flush();
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(JSON.std.with(JSON.Feature.PRETTY_PRINT_OUTPUT).asString(toMap(report, warmup)));
        } else {
            print(report, warmup, out);
        }
        out.flush();
        return report.failed() == 0 ? 0 : 1;
    }

    static Duration parseDuration(String text) {
        Matcher matcher = DURATION.matcher(text.trim());
        if (!matcher.matches()) {
            throw PkiException.of("duration", "loadDuration", text);
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
            throw PkiException.of("duration", "loadDurationZero", text);
        }
        return parsed;
    }

    private static void progressLine(PrintWriter err, LoadProgress p) {
        int filled = (int) Math.round(p.fraction() * 20);
        err.print("\r[" + "#".repeat(filled) + ".".repeat(20 - filled) + "] " + Texts.text("cli.load.progress",
                p.calls(), p.failed(), p.handshakesPerSecond()) + "   ");
        err.flush();
    }

    /** The summary in the chosen language: labels aligned in one column, figures in the language's format. */
    static void print(LoadReport report, long warmup, PrintWriter out) {
        out.println("== " + Texts.text("cli.load.heading", report.url(), report.concurrency(),
                Texts.text(report.resume() ? "cli.load.resumption" : "cli.load.fullHandshakes"), report.tlsProvider()));
        List<String> labels = List.of("cli.load.label.calls", "cli.load.label.rate", "cli.load.label.callRate",
                "cli.load.label.handshake", "cli.load.label.request", "cli.load.label.statuses", "cli.load.label.warmup",
                "cli.load.label.client");
        int width = labels.stream().mapToInt(key -> Texts.text(key).length()).max().orElse(0) + 2;
        line(out, width, "cli.load.label.calls", Texts.text("cli.load.calls", report.calls(),
                report.elapsed().toNanos() / 1e9, report.succeeded(), report.failed())
                + (report.cancelled() ? " " + Texts.text("cli.load.stoppedEarly") : ""));
        if (warmup > 0) {
            line(out, width, "cli.load.label.warmup", Texts.text("cli.load.warmup", warmup));
        }
        line(out, width, "cli.load.label.rate", Texts.text("cli.load.rate", report.handshakesPerSecond(),
                report.handshakes(), report.fullHandshakes(), report.handshakes() - report.fullHandshakes()));
        line(out, width, "cli.load.label.callRate", Texts.text("cli.load.callRate", report.callsPerSecond()));
        line(out, width, "cli.load.label.handshake", latency(report.handshake()));
        line(out, width, "cli.load.label.request", latency(report.request()));
        StringBuilder statuses = new StringBuilder();
        report.statuses().forEach((status, n) -> statuses.append(statuses.isEmpty() ? "" : ", ").append(status)
                .append(" x").append(n));
        line(out, width, "cli.load.label.statuses", statuses.isEmpty() ? "-" : statuses.toString());
        line(out, width, "cli.load.label.client", Double.isNaN(report.clientBusy()) ? Texts.text("cli.load.clientUnknown")
                : Texts.text("cli.load.client", report.clientBusy()));
        if (report.clientSaturated()) {
            out.println("  " + Texts.text("cli.load.clientSaturated", report.clientBusy()));
        }
        if (!report.failures().isEmpty()) {
            out.println("== " + Texts.text("cli.load.failures"));
            for (FailureGroup group : report.failures()) {
                out.printf(Locale.ROOT, "  %6d  %s: %s%n", group.count(), group.code(), group.summary());
                out.println("          " + Texts.text("cli.load.example", group.example().lines().findFirst().orElse("")));
            }
        }
    }

    private static void line(PrintWriter out, int width, String labelKey, String value) {
        String label = Texts.text(labelKey) + ":";
        out.println("  " + label + " ".repeat(Math.max(1, width - label.length())) + value);
    }

    private static String latency(Latency latency) {
        return latency.count() == 0 ? "-" : Texts.text("cli.load.percentiles", ms(latency.p50()), ms(latency.p90()),
                ms(latency.p99()), ms(latency.max()));
    }

    private static String ms(Duration duration) {
        return Texts.text("cli.load.ms", duration.toNanos() / 1e6);
    }

    static Map<String, Object> toMap(LoadReport report, long warmup) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("url", report.url());
        // The field names and codes are stable; the failures' summaries are in this language.
        root.put("language", Texts.locale().toLanguageTag());
        root.put("tlsProvider", report.tlsProvider());
        root.put("concurrency", report.concurrency());
        root.put("resume", report.resume());
        root.put("warmupCalls", warmup);
        root.put("calls", report.calls());
        root.put("succeeded", report.succeeded());
        root.put("failed", report.failed());
        root.put("cancelled", report.cancelled());
        root.put("elapsedMs", report.elapsed().toNanos() / 1e6);
        // how busy the load client's own network threads were (0 to 1; null where not measured)
        root.put("clientBusy", Double.isNaN(report.clientBusy()) ? null : report.clientBusy());
        root.put("clientSaturated", report.clientSaturated());
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
