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
                throw new PkiException("hmac", "--hmac needs a client identity to sign with",
                        "give --client NAME (and not --no-client)");
            }
            builder.hmacSecret(HmacSecrets.of(target.workspace.open()).getOrCreate(signer));
        }
        for (String header : headers) {
            int colon = header.indexOf(':');
            if (colon <= 0) {
                throw new PkiException("header", "'" + header + "' is not NAME: VALUE", "write it as -H 'Accept: text/plain'");
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
            spec.commandLine().getErr().println("error: " + result.diagnosis().code() + ": " + result.diagnosis().summary());
        } else if (outcome.kind() == CallOutcome.Kind.ANSWERED_WITHOUT_CLIENT_AUTH) {
            spec.commandLine().getErr().println((expectAuth ? "error: " : "warning: ") + outcome.kind() + ": "
                    + outcome.headline());
        } else if (expectAuth && outcome.clientAuthenticated() != CallOutcome.ClientAuthentication.TRUE) {
            spec.commandLine().getErr().println("error: --expect-auth: the server's authentication of this client is "
                    + outcome.clientAuthenticated().id() + ": " + outcome.headline());
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
        out.println("== Handshake with " + report.host() + ":" + report.port()
                + (report.connectedAddress() != null ? " (" + report.connectedAddress() + ")" : ""));
        out.println("  offered:   " + String.join(", ", report.offeredProtocols()));
        out.println("  protocol:  " + orDash(report.protocol()) + "   cipher: " + orDash(report.cipherSuite())
                + "   ALPN: " + orDash(report.alpn()) + "   " + (report.resumed() ? "resumed" : "full handshake"));
        out.println("  timings:   connect " + ms(report.timings().connect()) + ", handshake " + ms(report.timings().handshake())
                + ", first byte " + ms(report.timings().firstByte()) + ", total " + ms(report.timings().total()));
        out.println("  server chain (" + (report.serverTrusted() ? "trusted" : "NOT trusted") + "):");
        for (CertificateSummary certificate : report.serverChain()) {
            out.println("    - " + certificate.subject());
            out.println("      issuer " + certificate.issuer() + ", serial " + certificate.serialHex() + ", " + certificate.key());
            out.println("      valid " + certificate.notBefore() + " .. " + certificate.notAfter()
                    + (certificate.subjectAltNames().isEmpty() ? "" : ", SANs " + String.join(" ", certificate.subjectAltNames())));
        }
        AskedVsPresented asked = report.askedVsPresented();
        out.println("== Asked vs presented");
        out.println("  server asked for a client certificate: " + (asked.serverAsked() ? "yes" : "no"));
        if (asked.serverAsked()) {
            out.println("  CA names it accepts: " + (asked.caNamesListed() ? String.join(" | ", asked.acceptedCaNames())
                    : "(none listed: any issuer)"));
            out.println("  key types it accepts: " + String.join(", ", asked.keyTypes()));
        }
        out.println("  client chain on offer: " + (asked.chainOnOffer().isEmpty() ? "(none)"
                : asked.chainOnOffer().get(0).subject() + " issued by " + asked.chainOnOffer().get(0).issuer()));
        out.println("  sent: " + (asked.sent() != null ? asked.sent().subject() : asked.notSentReason()));
        for (String note : report.notes()) {
            out.println("  note: " + note);
        }
        out.println("== Peer identities");
        PeerIdentity client = result.peers().clientAsSeenByServer();
        PeerIdentity server = result.peers().serverAsSeenByClient();
        int width = Math.max(22, client == null ? 0 : Math.max(length(client.issuer()), length(client.serialHex())) + 2);
        out.printf("  %-18s %-" + width + "s %s%n", "", "server saw (client)", "client saw (server)");
        row(out, width, "CN", client == null ? null : client.commonName(), server == null ? null : server.commonName());
        row(out, width, "OU", client == null ? null : String.join(",", client.organizationalUnits()),
                server == null ? null : String.join(",", server.organizationalUnits()));
        row(out, width, "serial", client == null ? null : client.serialHex(), server == null ? null : server.serialHex());
        row(out, width, "issuer", client == null ? null : client.issuer(), server == null ? null : server.issuer());
        row(out, width, "SANs", client == null ? null : String.join(" ", client.subjectAltNames()),
                server == null ? null : String.join(" ", server.subjectAltNames()));
        row(out, width, "host name matches", null, server == null ? null : String.valueOf(server.hostnameMatch()));
        result.peers().notes().forEach(note -> out.println("  note: " + note));
        if (result.response() != null) {
            out.println("== Response: " + result.response().status() + " " + PeerText.escape(result.response().reason()));
            result.response().body().strip().lines().map(PeerText::escape).forEach(out::println);
        }
        CallOutcome outcome = result.outcome();
        out.println("== Outcome: " + outcome.kind() + " (client authenticated: " + outcome.clientAuthenticated().id() + ")"
                + (outcome.likelyBypass() ? "   !! LIKELY AUTHENTICATION BYPASS !!" : ""));
        out.println("  " + outcome.headline());
        out.println("  why: " + outcome.explanation());
        outcome.fixes().forEach((stack, fix) -> out.println("  fix (" + stack + "): " + fix));
        Diagnosis diagnosis = result.diagnosis();
        if (diagnosis != null) {
            out.println("== Diagnosis: " + diagnosis.code() + " (" + diagnosis.side().name().toLowerCase() + " side)");
            out.println("  " + diagnosis.summary());
            out.println("  why: " + diagnosis.cause());
            out.println("  fix: " + diagnosis.fix());
            for (Map.Entry<String, String> elsewhere : diagnosis.elsewhere().entrySet()) {
                out.println("  " + elsewhere.getKey() + " says: " + elsewhere.getValue());
            }
            out.println("  raw: " + diagnosis.rawMessage().replace("\n", "\n       "));
        }
        out.println("== The same call elsewhere");
        result.equivalents().asMap().forEach((tool, snippet) -> {
            out.println("-- " + tool);
            out.println(snippet.strip());
        });
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
