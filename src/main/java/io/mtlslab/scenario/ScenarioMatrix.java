package io.mtlslab.scenario;

import io.mtlslab.call.CallRequest;
import io.mtlslab.call.CallResult;
import io.mtlslab.call.ClientIdentity;
import io.mtlslab.call.TestCall;
import io.mtlslab.call.TrustAnchor;
import io.mtlslab.diagnose.Diagnosis;
import io.mtlslab.diagnose.DiagnosisCode;
import io.mtlslab.pki.Credential;
import io.mtlslab.pki.Workspace;
import io.mtlslab.server.EchoServer;
import io.mtlslab.server.TlsProviderChoice;
import io.mtlslab.text.Message;
import io.mtlslab.tls.ServerTlsProfile;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The scenario matrix (M1–M3): every {@link Scenario} against the echo server in a {@link ServerMode},
 * with expected vs actual outcome and the diagnosis. In secure mode every attack must fail and the
 * valid client succeed; the pitfall modes show which attacks get through.
 *
 * <p>Blocking and slow (one server per mode, one handshake per cell): call it off the UI thread.
 */
public final class ScenarioMatrix {

    /** A host name no server certificate carries; the call still goes to 127.0.0.1 (curl's --resolve). */
    static final String WRONG_HOST = "wrong-name.mtls-lab.test";

    private ScenarioMatrix() {
    }

    /** Runs every scenario against {@code mode} (or every mode when {@code mode} is {@code null}). */
    public static List<ScenarioResult> run(Workspace workspace, ServerMode mode, ScenarioProgress progress) {
        return run(workspace, mode == null ? List.of(ServerMode.values()) : List.of(mode), null, CrlSource.ISSUED, progress);
    }

    /** The full form: several modes, the CA key's password, and where revocation lists come from. */
    public static List<ScenarioResult> run(Workspace workspace, List<ServerMode> modes, char[] caKeyPassword,
                                           CrlSource crls, ScenarioProgress progress) {
        // TLS 1.1 can only be offered if nothing in this process has used TLS yet; otherwise a child process runs it.
        boolean legacyHere = ServerTlsProfile.allowLegacyProtocolsInThisProcess();
        ScenarioCredentials credentials = ScenarioCredentials.prepare(workspace, caKeyPassword, crls);
        return run(credentials, modes, legacyHere, progress);
    }

    /**
     * The matrix over prepared credentials. Without TLS 1.1 in this runtime ({@code legacyHere} false), the
     * TLS 1.1 cells come from a {@link LegacyTlsChild} started first, which runs while the other cells do.
     */
    static List<ScenarioResult> run(ScenarioCredentials credentials, List<ServerMode> modes, boolean legacyHere,
                                    ScenarioProgress progress) {
        int total = modes.size() * Scenario.values().length;
        List<ScenarioResult> results = new ArrayList<>();
        LegacyTlsChild child = null;
        try {
            if (!legacyHere && !modes.isEmpty()) {
                child = startChild(credentials, modes);
            }
            for (ServerMode mode : modes) {
                if (progress.cancelled()) {
                    break;
                }
                try (EchoServer server = EchoServer.start(credentials.credential(ScenarioCredentials.SERVER),
                        List.of(credentials.ca().certificate()), credentials.crlFile(), mode.settings())) {
                    for (Scenario scenario : Scenario.values()) {
                        if (progress.cancelled()) {
                            break;
                        }
                        ScenarioResult result = scenario == Scenario.TLS11_ONLY_CLIENT && !legacyHere
                                ? fromChild(child, credentials, mode)
                                : runOne(credentials, server.port(), mode, scenario, true);
                        results.add(result);
                        progress.finished(result, results.size(), total);
                    }
                }
            }
        } finally {
            if (child != null) {
                child.close();
            }
        }
        return results;
    }

    /**
     * In a child process (see {@link LegacyTlsChild}): lifts this runtime's TLS 1.0/1.1 ban, then runs
     * {@code scenario} against each mode's echo server on {@code provider}.
     */
    static List<ScenarioResult> runCells(ScenarioCredentials credentials, List<ServerMode> modes, Scenario scenario,
                                         TlsProviderChoice provider) {
        boolean legacyAvailable = ServerTlsProfile.allowLegacyProtocolsInThisProcess();
        List<ScenarioResult> results = new ArrayList<>();
        for (ServerMode mode : modes) {
            try (EchoServer server = EchoServer.start(credentials.credential(ScenarioCredentials.SERVER),
                    List.of(credentials.ca().certificate()), credentials.crlFile(),
                    mode.settings().withTlsProvider(provider))) {
                results.add(runOne(credentials, server.port(), mode, scenario, legacyAvailable));
            }
        }
        return results;
    }

    private static LegacyTlsChild startChild(ScenarioCredentials credentials, List<ServerMode> modes) {
        try {
            return LegacyTlsChild.start(credentials, modes);
        } catch (IOException | RuntimeException e) {
            return null; // no child: its cells say "not available"
        }
    }

    private static ScenarioResult fromChild(LegacyTlsChild child, ScenarioCredentials credentials, ServerMode mode) {
        ScenarioResult cell = child == null ? null : child.result(mode, credentials);
        return cell != null ? cell : notAvailable(mode, Scenario.TLS11_ONLY_CLIENT,
                Expectations.of(Scenario.TLS11_ONLY_CLIENT, mode, false, credentials.revocationAvailable()));
    }

    private static ScenarioResult runOne(ScenarioCredentials credentials, int port, ServerMode mode, Scenario scenario,
                                         boolean legacyAvailable) {
        Expectation expected = Expectations.of(scenario, mode, legacyAvailable, credentials.revocationAvailable());
        if (expected.outcome() == Outcome.NOT_AVAILABLE) {
            return notAvailable(mode, scenario, expected);
        }
        CallResult call = TestCall.run(request(credentials, port, scenario));
        Outcome actual = call.succeeded() ? Outcome.ACCEPTED : Outcome.REFUSED;
        return result(mode, scenario, expected, actual, actualText(call), call.diagnosis(), call);
    }

    private static ScenarioResult notAvailable(ServerMode mode, Scenario scenario, Expectation expected) {
        return new ScenarioResult(mode, scenario, expected, Outcome.NOT_AVAILABLE, expected.meaningMessage(),
                ScenarioResult.Status.SKIPPED, null, null);
    }

    /** A cell that ran: it passes when the outcome, and the diagnosis code where one is expected, match. */
    static ScenarioResult result(ServerMode mode, Scenario scenario, Expectation expected, Outcome actual,
                                 Message actualText, Diagnosis diagnosis, CallResult call) {
        boolean pass = actual == expected.outcome()
                && (expected.code() == null || diagnosis != null && diagnosis.code() == expected.code());
        return new ScenarioResult(mode, scenario, expected, actual, actualText,
                pass ? ScenarioResult.Status.PASS : ScenarioResult.Status.FAIL, diagnosis, call);
    }

    private static CallRequest request(ScenarioCredentials credentials, int port, Scenario scenario) {
        String host = scenario == Scenario.WRONG_HOST_NAME ? WRONG_HOST : "localhost";
        CallRequest.Builder builder = CallRequest.builder("https://" + host + ":" + port + "/")
                .trust(TrustAnchor.workspace(credentials.scratch()))
                .referenceCa(credentials.ca().certificate())
                .crls(CallRequest.readCrls(credentials.crlFile()))
                .connectTo(loopback())
                .readTimeout(Duration.ofSeconds(5));
        String identity = switch (scenario) {
            case NO_CLIENT_CERTIFICATE -> null;
            case ROGUE_CA_SAME_NAME -> ScenarioCredentials.ROGUE_CLIENT;
            case EXPIRED_CLIENT -> ScenarioCredentials.EXPIRED;
            case NOT_YET_VALID_CLIENT -> ScenarioCredentials.FUTURE;
            case SERVER_CERT_AS_CLIENT -> ScenarioCredentials.SERVER;
            case REVOKED_CLIENT -> ScenarioCredentials.REVOKED;
            case SELF_SIGNED_LOOKALIKE -> ScenarioCredentials.LOOKALIKE;
            default -> ScenarioCredentials.VALID;
        };
        if (identity != null) {
            builder.identity(ClientIdentity.fromWorkspace(credentials.scratch(), identity, null));
        }
        if (scenario == Scenario.CLIENT_DISTRUSTS_SERVER_CA) {
            Credential rogue = credentials.credential(ScenarioCredentials.ROGUE_CA);
            builder.trust(new TrustAnchor(TrustAnchor.Kind.PEM_FILE, List.of(rogue.certificate()),
                    credentials.scratch().certificateFile(ScenarioCredentials.ROGUE_CA), "rogue CA"));
        }
        if (scenario == Scenario.TLS11_ONLY_CLIENT) {
            builder.protocols(List.of("TLSv1.1"));
        }
        return builder.build();
    }

    private static Message actualText(CallResult call) {
        if (call.succeeded()) {
            var client = call.peers().clientAsSeenByServer();
            String status = String.valueOf(call.response().status());
            return client != null && client.commonName() != null
                    ? Message.of("scenario.actual.accepted.as", status, client.commonName())
                    : Message.of("scenario.actual.accepted.anonymous", status);
        }
        var diagnosis = call.diagnosis();
        return Message.of("scenario.actual.refused", diagnosis.code().name(),
                Message.of("scenario.side." + diagnosis.side().name()));
    }

    private static InetAddress loopback() {
        try {
            return InetAddress.getByName("127.0.0.1");
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The expected outcome of every cell, in one table. */
    static final class Expectations {
        private Expectations() {
        }

        static Expectation of(Scenario scenario, ServerMode mode, boolean legacyAvailable, boolean revocationAvailable) {
            if (scenario == Scenario.REVOKED_CLIENT && !revocationAvailable) {
                return Expectation.notAvailable(Message.of("scenario.meaning.noRevocationList"));
            }
            if (scenario == Scenario.TLS11_ONLY_CLIENT && !legacyAvailable) {
                return Expectation.notAvailable(Message.of("scenario.meaning.noTls11"));
            }
            // the client's own checks hold whatever the server does
            switch (scenario) {
                case VALID_CLIENT:
                    return Expectation.accepted(Message.of("scenario.meaning.validServed"));
                case WRONG_HOST_NAME:
                    return Expectation.refused(DiagnosisCode.HOSTNAME_MISMATCH, Message.of("scenario.meaning.wrongHost"));
                case CLIENT_DISTRUSTS_SERVER_CA:
                    return Expectation.refused(DiagnosisCode.UNKNOWN_CA, Message.of("scenario.meaning.distrustedServerCa"));
                case TLS11_ONLY_CLIENT:
                    return mode == ServerMode.LEGACY_TLS
                            ? Expectation.accepted(Message.of("scenario.meaning.downgrade"))
                            : Expectation.refused(DiagnosisCode.PROTOCOL_VERSION, Message.of("scenario.meaning.tls11Refused"));
                default:
                    break;
            }
            return switch (mode) {
                case SECURE, SYSTEM_TRUST, LEGACY_TLS -> secure(scenario);
                case EMPTY_CA_NAMES -> scenario == Scenario.SELF_SIGNED_LOOKALIKE
                        ? Expectation.refused(DiagnosisCode.SELF_SIGNED, Message.of("scenario.meaning.emptyCaNamesLookalike"))
                        : secure(scenario);
                case OPTIONAL -> switch (scenario) {
                    case NO_CLIENT_CERTIFICATE, SELF_SIGNED_LOOKALIKE ->
                            Expectation.refused(DiagnosisCode.HTTP_UNAUTHORIZED, Message.of("scenario.meaning.handler401"));
                    default -> secure(scenario);
                };
                case OPTIONAL_BYPASS -> switch (scenario) {
                    case NO_CLIENT_CERTIFICATE, SELF_SIGNED_LOOKALIKE ->
                            Expectation.accepted(Message.of("scenario.meaning.bypassOptional"));
                    default -> secure(scenario);
                };
                case NONE -> Expectation.accepted(Message.of("scenario.meaning.bypassNone"));
                case INSPECT -> switch (scenario) {
                    case NO_CLIENT_CERTIFICATE, SELF_SIGNED_LOOKALIKE ->
                            Expectation.refused(DiagnosisCode.HTTP_UNAUTHORIZED, Message.of("scenario.meaning.inspect401"));
                    default -> Expectation.accepted(Message.of("scenario.meaning.inspectAccepts"));
                };
            };
        }

        private static Expectation secure(Scenario scenario) {
            return switch (scenario) {
                case NO_CLIENT_CERTIFICATE -> Expectation.refused(DiagnosisCode.NO_CLIENT_CERTIFICATE, Message.of("scenario.meaning.refusedInHandshake"));
                case ROGUE_CA_SAME_NAME -> Expectation.refused(DiagnosisCode.UNKNOWN_CA, Message.of("scenario.meaning.rogueCa"));
                case EXPIRED_CLIENT -> Expectation.refused(DiagnosisCode.EXPIRED, Message.of("scenario.meaning.expired"));
                case NOT_YET_VALID_CLIENT -> Expectation.refused(DiagnosisCode.NOT_YET_VALID, Message.of("scenario.meaning.notYetValid"));
                case SERVER_CERT_AS_CLIENT -> Expectation.refused(DiagnosisCode.MISSING_CLIENT_AUTH_EKU, Message.of("scenario.meaning.serverCertAsClient"));
                case REVOKED_CLIENT -> Expectation.refused(DiagnosisCode.REVOKED, Message.of("scenario.meaning.revoked"));
                case SELF_SIGNED_LOOKALIKE -> Expectation.refused(DiagnosisCode.CLIENT_CERT_NOT_SENT_ISSUER_NOT_ACCEPTED,
                        Message.of("scenario.meaning.issuerNotListed"));
                default -> throw new IllegalStateException(scenario.name());
            };
        }
    }
}
