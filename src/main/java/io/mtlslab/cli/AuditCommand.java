package io.mtlslab.cli;

import io.mtlslab.audit.AuditReport;
import io.mtlslab.audit.AuditReports;
import io.mtlslab.audit.ClientAudit;
import io.mtlslab.audit.Probe;
import io.mtlslab.audit.ProbeResult;
import io.mtlslab.audit.ServerAudit;
import io.mtlslab.audit.ServerAuditRequest;
import io.mtlslab.pki.PkiException;
import io.mtlslab.pki.SecureFiles;
import io.mtlslab.pki.Workspace;
import io.mtlslab.text.Texts;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mtls-lab audit}: point mTLS Lab at your own server and see every pitfall it falls for. */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "Audit an mTLS server (audit server URL) or client (audit client).",
        subcommands = {AuditCommand.Server.class, AuditCommand.Client.class})
final class AuditCommand {

    /** The report card as text, in the chosen language: one block per probe or bad server, then the totals. */
    static void print(AuditReport report, String heading, PrintWriter out) {
        out.println("== " + heading);
        String sent = Texts.text("cli.audit.sent");
        String happened = Texts.text("cli.audit.happened");
        String verdict = Texts.text("cli.audit.verdict");
        int width = Math.max(sent.length(), Math.max(happened.length(), verdict.length())) + 2;
        for (ProbeResult result : report.results()) {
            // "[CRITICAL] no-client-certificate: No client certificate (the authentication bypass)": the
            // stable code first, as lint prints its findings; titles may hold brackets of their own.
            out.printf(Locale.ROOT, "%n[%s] %s: %s%n", label(result).toUpperCase(Texts.locale()),
                    result.id(), AuditReports.title(report.kind(), result));
            if (!result.sent().isEmpty()) {
                out.println("  " + pad(sent + ":", width) + result.sent());
            }
            if (!result.happened().isEmpty()) {
                out.println("  " + pad(happened + ":", width) + result.happened());
            }
            out.println("  " + pad(verdict + ":", width) + result.verdict());
            result.fixes().forEach((kind, fix) -> out.println("  " + Texts.text("cli.audit.fix", kind) + ": " + fix));
        }
        out.println();
        out.println("== " + Texts.text("cli.audit.summary", String.valueOf(report.results().size()),
                String.valueOf(report.count(ProbeResult.Status.PASSED)), String.valueOf(report.findings().size()),
                report.worst().map(s -> Texts.text("audit.severity." + s.name()).toUpperCase(Texts.locale()))
                        .orElse(Texts.text("cli.audit.worst.none")),
                String.valueOf(report.count(ProbeResult.Status.NOT_RUN)), String.valueOf(report.count(ProbeResult.Status.ERROR))));
    }

    private static String pad(String label, int width) {
        return label + " ".repeat(Math.max(1, width - label.length()));
    }

    /** The finding's severity, or ok / not run / error, in the chosen language. */
    static String label(ProbeResult result) {
        return AuditReports.label(result);
    }

    /** {@code --json}, {@code --junit FILE} and {@code --html FILE}, shared by both audits (a picocli mixin). */
    static final class ReportOptions {
        @Option(names = "--json", description = "Print the report as JSON.")
        boolean json;

        @Option(names = "--junit", paramLabel = "FILE", description = "Also write the report as JUnit XML.")
        Path junit;

        @Option(names = "--html", paramLabel = "FILE", description = "Also write the report as a self-contained HTML page.")
        Path html;

        /** Prints the report as JSON or text and writes the JUnit XML and HTML files; returns the exit status. */
        int finish(AuditReport report, String heading, PrintWriter out) throws Exception {
            if (json) {
                out.print(AuditReports.json(report));
            } else {
                print(report, heading, out);
            }
            if (junit != null) {
                SecureFiles.write(junit, AuditReports.junitXml(report).getBytes(StandardCharsets.UTF_8));
            }
            if (html != null) {
                SecureFiles.write(html, AuditReports.html(report).getBytes(StandardCharsets.UTF_8));
            }
            out.flush();
            return report.exitStatus();
        }
    }


    @Command(name = "client", mixinStandardHelpOptions = true,
            description = {"Start a set of bad mTLS servers on this machine, one port per case (expired, wrong host,"
                    + " look-alike, rogue CA, no serverAuth EKU, revoked, signed by a leaf, incomplete chain, TLS"
                    + " 1.0/1.1 only, foreign CA names) plus two controls; point your client at each URL. Each"
                    + " connection is shown as it comes; at the end (--for, or Enter) the report says which bad"
                    + " servers your client accepted. The servers are signed by the workspace CA, so give your"
                    + " client ca.pem and a client certificate from this workspace.",
                "Exit status: 0 nothing above low, 1 findings, 2 bad input, 3 incomplete (an error, or nothing tested)."})
    static final class Client implements Callable<Integer> {

        @Mixin
        WorkspaceOption workspace;

        @Option(names = "--ca-key-password", paramLabel = "PW", description = "The CA key's password (value, env:VAR or file:PATH).")
        String caKeyPassword;

        @Option(names = "--bind", paramLabel = "ADDRESS", description = "Address to listen on (default ${DEFAULT-VALUE}).")
        String bind = "127.0.0.1";

        @Option(names = "--for", paramLabel = "DURATION", description = "How long to wait for your client (default 10m;"
                + " Enter ends sooner): 30s, 5m.")
        String duration = "10m";

        @Mixin
        ReportOptions report;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            Duration wait = LoadCommand.parseDuration(duration);
            InetAddress address;
            try {
                address = InetAddress.getByName(bind);
            } catch (java.net.UnknownHostException e) {
                throw PkiException.of("bind", "auditBind", bind);
            }
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            try (ClientAudit audit = ClientAudit.start(workspace.open(), Passwords.resolve("ca-key-password", caKeyPassword),
                    address, c -> {
                        err.printf(Locale.ROOT, "  %-24s %s, %s, %s%n", c.server().id(),
                                c.handshakeCompleted() ? Texts.text("cli.audit.client.handshake", c.protocol())
                                        : Texts.text("cli.audit.client.handshakeRefused"),
                                c.clientCertificate() == null ? Texts.text("cli.audit.client.noCertificate")
                                        : Texts.text("cli.audit.client.sentCertificate", c.clientCertificate()),
                                Texts.text(c.requestCompleted() ? "cli.audit.client.requestSent" : "cli.audit.client.noRequest"));
                        err.flush();
                    })) {
                err.println(Texts.text("cli.audit.client.pointAt", workspace.open().certificateFile("ca").toString()));
                for (ClientAudit.Endpoint endpoint : audit.endpoints()) {
                    err.printf(Locale.ROOT, "  %-24s %s%n", endpoint.server().id(), endpoint.url());
                }
                audit.notStarted().forEach((server, why) -> err.println("  " + Texts.text("cli.audit.client.notStarted",
                        server.id(), why)));
                err.println(Texts.text(System.console() != null ? "cli.audit.client.waitingEnter" : "cli.audit.client.waiting",
                        duration));
                err.flush();
                awaitEnd(wait);
                AuditReport card = audit.report();
                return report.finish(card, AuditReports.heading(card), out);
            }
        }

        private static void awaitEnd(Duration wait) throws InterruptedException {
            long deadline = System.nanoTime() + wait.toNanos();
            while (System.nanoTime() < deadline) {
                try {
                    if (System.console() != null && System.in.available() > 0) {
                        return;
                    }
                } catch (java.io.IOException closed) {
                    // no usable standard input: wait for the time only
                }
                Thread.sleep(200);
            }
        }
    }

    @Command(name = "server", mixinStandardHelpOptions = true,
            description = {"Probe an mTLS server that is meant to trust the workspace CA (ca.pem): what it asks for,"
                    + " no certificate (the bypass), forged and unfit certificates, identities in headers, URLs it"
                    + " fetches, odd names. Each probe says what was sent, what happened, the verdict and the fix for"
                    + " nginx, Go, Java, Envoy and Node. Only the URL's host and port are contacted.",
                "Exit status: 0 nothing above low, 1 findings, 2 bad input, 3 incomplete (an error, or nothing tested)."})
    static final class Server implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "URL", description = "e.g. https://localhost:8443/")
        String url;

        @Mixin
        WorkspaceOption workspace;

        @Option(names = "--client", paramLabel = "NAME", description = "The identity the server accepts (default client).")
        String client = Workspace.CLIENT;

        @Option(names = "--ca-key-password", paramLabel = "PW", description = "The CA key's password (value, env:VAR or file:PATH).")
        String caKeyPassword;

        @Option(names = "--probes", paramLabel = "ID,...", split = ",",
                description = "Run only these probes (see the list in --help-probes).")
        List<String> probes = new ArrayList<>();

        @Option(names = "--help-probes", description = "List the probes and exit.")
        boolean listProbes;

        @Option(names = "--timeout", paramLabel = "SECONDS", description = "Per call (default ${DEFAULT-VALUE}).")
        int timeoutSeconds = 10;

        @Mixin
        ReportOptions report;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            if (listProbes) {
                for (Probe probe : Probe.values()) {
                    out.printf("  %-30s %s%n", probe.id(), probe.title());
                }
                return 0;
            }
            URI target = URI.create(url);
            if (!"https".equalsIgnoreCase(target.getScheme()) || target.getHost() == null) {
                throw PkiException.of("url", "auditUrl", url);
            }
            Set<Probe> selected = EnumSet.noneOf(Probe.class);
            for (String id : probes) {
                Probe probe = Probe.byId(id);
                if (probe == null) {
                    throw PkiException.of("probes", "auditUnknownProbe", id);
                }
                selected.add(probe);
            }
            Workspace ws = workspace.open();
            if (!Files.exists(ws.certificateFile(Workspace.CA)) || !Files.exists(ws.certificateFile(client))) {
                throw PkiException.of("dir", "auditWorkspace", ws.dir().toString(), client);
            }
            ServerAuditRequest request = new ServerAuditRequest(target, ws, client,
                    Passwords.resolve("ca-key-password", caKeyPassword), selected, Duration.ofSeconds(Math.max(1, timeoutSeconds)));
            PrintWriter err = spec.commandLine().getErr();
            AuditReport result = ServerAudit.run(request, report.json ? null : r -> {
                err.printf("  %-9s %s%n", label(r), r.id());
                err.flush();
            }, null);
            return report.finish(result, AuditReports.heading(result), out);
        }

    }
}
