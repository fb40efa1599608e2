package io.mtlslab.cli;

import com.fasterxml.jackson.jr.ob.JSON;
import io.mtlslab.call.AskedVsPresented;
import io.mtlslab.call.CallRequest;
import io.mtlslab.call.CallResult;
import io.mtlslab.call.CallResultJson;
import io.mtlslab.call.CertificateSummary;
import io.mtlslab.call.ClientIdentity;
import io.mtlslab.call.HandshakeReport;
import io.mtlslab.call.PeerIdentity;
import io.mtlslab.call.TestCall;
import io.mtlslab.call.TrustAnchor;
import io.mtlslab.diagnose.CallOutcome;
import io.mtlslab.diagnose.Diagnosis;
import io.mtlslab.hmac.HmacSecrets;
import io.mtlslab.pki.PeerText;
import io.mtlslab.pki.PkiException;
import io.mtlslab.pki.Workspace;
import io.mtlslab.text.Texts;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mtls-lab call URL}: one test call with its handshake report, peer identities, diagnosis and equivalents. */
@Command(name = "call", mixinStandardHelpOptions = true,
        description = {"Call an https:// URL with a client certificate and show the handshake, the identity each side"
                + " extracted, a diagnosis if it fails, and the same call for curl, openssl, Go, Java and Python.",
            "The outcome line says whether the client was authenticated: MUTUALLY_AUTHENTICATED,"
                    + " ANSWERED_WITHOUT_CLIENT_AUTH (in red: a 2xx without a client certificate is likely an"
                    + " authentication bypass), REFUSED_IN_HANDSHAKE, REFUSED_BY_APPLICATION, HTTP_ERROR, NETWORK.",
            "Exit status: 0 the server answered (status below 400; with --expect-auth only when mutually"
                    + " authenticated), 1 anything else (refused, HTTP error, network; with --expect-auth also an"
                    + " answer without client authentication), 2 bad input."})
final class CallCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "URL", description = "e.g. https://localhost:8443/")
    String url;

    @Mixin
    CallTargetOptions target;

    @Option(names = {"-X", "--method"}, paramLabel = "METHOD", description = "HTTP method (default GET).")
    String method = "GET";

    @Option(names = {"-d", "--data"}, paramLabel = "BODY", description = "Request body.")
    String data;

    @Option(names = {"-H", "--header"}, paramLabel = "NAME: VALUE", description = "Extra request header (repeatable).")
    List<String> headers = new ArrayList<>();

    @Option(names = "--expect-auth", description = "Exit 1 unless the server authenticated this client by its"
            + " certificate: a 2xx without one (an authentication bypass) then fails the call, as a CI check should.")
    boolean expectAuth;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Option(names = "--hmac", description = "Sign the request with the client identity's HMAC secret from"
            + " hmac-secrets.json (created on first use), as a server started with --require-hmac expects.")
    boolean hmac;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        CallRequest.Builder builder = target.builder(url).method(method);
        String signer = target.presented;
        if (hmac) {
            if (signer == null) {
                // The secret belongs to a client identity: without one there is nothing to sign with.
                throw PkiException.of("hmac", "hmacNeedsClient");
            }
            builder.hmacSecret(HmacSecrets.of(target.workspace.open()).getOrCreate(signer));
        }
        for (String header : headers) {
            int colon = header.indexOf(':');
            if (colon <= 0) {
                throw PkiException.of("header", "badHeader", header);
            }
            builder.header(header.substring(0, colon).trim(), header.substring(colon + 1).trim());
        }
        if (data != null) {
            builder.body(data);
        }
        CallResult result = TestCall.run(builder.build());
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(JSON.std.with(JSON.Feature.PRETTY_PRINT_OUTPUT, JSON.Feature.WRITE_NULL_PROPERTIES)
                    .asString(CallResultJson.toMap(result)));
        } else {
            print(result, out);
        }
        out.flush();
        CallOutcome outcome = result.outcome();
        if (!result.succeeded()) {
            spec.commandLine().getErr().println(t("cli.call.error", result.diagnosis().code().name(),
                    result.diagnosis().summary()));
        } else if (outcome.kind() == CallOutcome.Kind.ANSWERED_WITHOUT_CLIENT_AUTH) {
            spec.commandLine().getErr().println(t(expectAuth ? "cli.call.error" : "cli.call.warning", outcome.kind().name(),
                    outcome.headline()));
        } else if (expectAuth && outcome.clientAuthenticated() != CallOutcome.ClientAuthentication.TRUE) {
            spec.commandLine().getErr().println(t("cli.call.expectAuth", outcome.clientAuthenticated().id(),
                    outcome.headline()));
        }
        return exitStatus(result, expectAuth);
    }

    /** 0 when the server answered (with --expect-auth: and authenticated this client), 1 otherwise. */
    static int exitStatus(CallResult result, boolean expectAuth) {
        if (!result.succeeded()) {
            return 1;
        }
        return expectAuth && result.outcome().clientAuthenticated() != CallOutcome.ClientAuthentication.TRUE ? 1 : 0;
    }

    private static void print(CallResult result, PrintWriter out) {
        HandshakeReport report = result.report();
        out.println(t("cli.call.handshake", report.host() + ":" + report.port())
                + (report.connectedAddress() != null ? " (" + report.connectedAddress() + ")" : ""));
        out.println(t("cli.call.offered", String.join(", ", report.offeredProtocols())));
        out.println(t("cli.call.negotiated", orDash(report.protocol()), orDash(report.cipherSuite()), orDash(report.alpn()),
                t(report.resumed() ? "cli.call.resumed" : "cli.call.fullHandshake")));
        out.println(t("cli.call.timings", ms(report.timings().connect()), ms(report.timings().handshake()),
                ms(report.timings().firstByte()), ms(report.timings().total())));
        out.println(t(report.serverTrusted() ? "cli.call.serverChain.trusted" : "cli.call.serverChain.notTrusted"));
        for (CertificateSummary certificate : report.serverChain()) {
            out.println("    - " + certificate.subject());
            out.println(t("cli.call.certificate.issuer", certificate.issuer(), certificate.serialHex(), certificate.key()));
            out.println(t("cli.call.certificate.valid", certificate.notBefore().toString(), certificate.notAfter().toString())
                    + (certificate.subjectAltNames().isEmpty() ? ""
                            : t("cli.call.certificate.sans", String.join(" ", certificate.subjectAltNames()))));
        }
        AskedVsPresented asked = report.askedVsPresented();
        out.println(t("cli.call.asked"));
        out.println(t("cli.call.asked.serverAsked", t(asked.serverAsked() ? "cli.yes" : "cli.no")));
        if (asked.serverAsked()) {
            out.println(t("cli.call.asked.caNames", asked.caNamesListed() ? String.join(" | ", asked.acceptedCaNames())
                    : t("cli.call.asked.anyIssuer")));
            out.println(t("cli.call.asked.keyTypes", String.join(", ", asked.keyTypes())));
        }
        out.println(t("cli.call.asked.onOffer", asked.chainOnOffer().isEmpty() ? t("cli.none")
                : t("cli.call.asked.issuedBy", asked.chainOnOffer().get(0).subject(), asked.chainOnOffer().get(0).issuer())));
        out.println(t("cli.call.asked.sent", asked.sent() != null ? asked.sent().subject() : asked.notSentReason()));
        for (String note : report.notes()) {
            out.println(t("cli.call.note", note));
        }
        out.println(t("cli.call.peers"));
        PeerIdentity client = result.peers().clientAsSeenByServer();
        PeerIdentity server = result.peers().serverAsSeenByClient();
        String serverSaw = t("cli.call.peers.serverSaw");
        int width = Math.max(Math.max(22, serverSaw.length() + 1),
                client == null ? 0 : Math.max(length(client.issuer()), length(client.serialHex())) + 2);
        out.printf("  %-18s %-" + width + "s %s%n", "", serverSaw, t("cli.call.peers.clientSaw"));
        row(out, width, "CN", client == null ? null : client.commonName(), server == null ? null : server.commonName());
        row(out, width, "OU", client == null ? null : String.join(",", client.organizationalUnits()),
                server == null ? null : String.join(",", server.organizationalUnits()));
        row(out, width, t("cli.call.peers.serial"), client == null ? null : client.serialHex(),
                server == null ? null : server.serialHex());
        row(out, width, t("cli.call.peers.issuer"), client == null ? null : client.issuer(),
                server == null ? null : server.issuer());
        row(out, width, "SANs", client == null ? null : String.join(" ", client.subjectAltNames()),
                server == null ? null : String.join(" ", server.subjectAltNames()));
        row(out, width, t("cli.call.peers.hostMatches"), null,
                server == null ? null : t(server.hostnameMatch() ? "cli.true" : "cli.false"));
        result.peers().notes().forEach(note -> out.println(t("cli.call.note", note)));
        if (result.response() != null) {
            out.println(t("cli.call.response", result.response().status() + " " + PeerText.escape(result.response().reason())));
            result.response().body().strip().lines().map(PeerText::escape).forEach(out::println);
        }
        CallOutcome outcome = result.outcome();
        out.println(t("cli.call.outcome", outcome.kind().name(), outcome.clientAuthenticated().id())
                + (outcome.likelyBypass() ? t("cli.call.outcome.bypass") : ""));
        out.println("  " + outcome.headline());
        out.println(t("cli.call.why", outcome.explanation()));
        outcome.fixes().forEach((stack, fix) -> out.println(t("cli.call.fixFor", stack, fix)));
        Diagnosis diagnosis = result.diagnosis();
        if (diagnosis != null) {
            out.println(t("cli.call.diagnosis", diagnosis.code().name(), t("cli.call.side." + diagnosis.side().name())));
            out.println("  " + diagnosis.summary());
            out.println(t("cli.call.why", diagnosis.cause()));
            out.println(t("cli.call.fix", diagnosis.fix()));
            for (Map.Entry<String, String> elsewhere : diagnosis.elsewhere().entrySet()) {
                out.println(t("cli.call.says", elsewhere.getKey(), elsewhere.getValue()));
            }
            out.println(t("cli.call.raw", diagnosis.rawMessage().replace("\n", "\n       ")));
        }
        out.println(t("cli.call.elsewhere"));
        result.equivalents().asMap().forEach((tool, snippet) -> {
            out.println("-- " + tool);
            out.println(snippet.strip());
        });
    }

    private static String t(String key, Object... args) {
        return Texts.text(key, args);
    }

    private static void row(PrintWriter out, int width, String label, String left, String right) {
        out.printf("  %-18s %-" + width + "s %s%n", label, orDash(left), orDash(right));
    }

    private static int length(String text) {
        return text == null ? 0 : text.length();
    }

    private static String orDash(String text) {
        return text == null || text.isEmpty() ? "-" : text;
    }

    private static String ms(Duration duration) {
        return duration == null ? "-" : String.format(java.util.Locale.ROOT, "%.1f ms", duration.toNanos() / 1e6);
    }
}
