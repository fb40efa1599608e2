package io.mtlslab.diagnose;

import io.mtlslab.diagnose.CallOutcome.ClientAuthentication;
import io.mtlslab.diagnose.CallOutcome.Kind;
import io.mtlslab.text.Message;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Decides a call's {@link CallOutcome} from what it saw and its {@link Diagnosis}: the one place that
 * says whether the client was authenticated, so no screen can call a bypass a success.
 */
public final class CallOutcomes {

    private CallOutcomes() {
    }

    public static CallOutcome of(CallObservation seen, Diagnosis diagnosis) {
        boolean sent = seen.clientCertificateSent();
        if (diagnosis == null) {
            return answered(seen, sent);
        }
        DiagnosisCode code = diagnosis.code();
        Message summary = diagnosis.summaryMessage();
        return switch (code) {
            case CONNECTION_REFUSED, HOST_NOT_FOUND, NOT_TLS -> new CallOutcome(Kind.NETWORK, ClientAuthentication.FALSE,
                    false, Message.of("outcome.network.headline", summary),
                    Message.of("outcome.network.explanation"), Map.of());
            case TIMEOUT -> timeout(seen, diagnosis, sent);
            case HTTP_UNAUTHORIZED, HTTP_FORBIDDEN -> new CallOutcome(Kind.REFUSED_BY_APPLICATION,
                    sent ? ClientAuthentication.TRUE : ClientAuthentication.FALSE, false,
                    Message.of("outcome.application.headline", summary),
                    Message.of(sent ? "outcome.application.explanation.sent" : "outcome.application.explanation.notSent"),
                    Map.of());
            case POST_HANDSHAKE_AUTH -> new CallOutcome(Kind.REFUSED_BY_APPLICATION, ClientAuthentication.FALSE, false,
                    Message.of("outcome.application.headline", summary),
                    Message.of("outcome.postHandshake.explanation"), Map.of());
            case HTTP_ERROR -> new CallOutcome(Kind.HTTP_ERROR, sent ? ClientAuthentication.TRUE : ClientAuthentication.FALSE,
                    false, Message.of("outcome.httpError.headline", summary),
                    Message.of(sent ? "outcome.httpError.explanation.sent" : "outcome.httpError.explanation.notSent"),
                    Map.of());
            default -> refused(seen, diagnosis);
        };
    }

    private static CallOutcome refused(CallObservation seen, Diagnosis diagnosis) {
        boolean afterHandshake = seen.error() == null && seen.httpStatus() != null;
        Message who = Message.of(diagnosis.side() == Side.CLIENT ? "outcome.refused.who.client" : "outcome.refused.who.server");
        return new CallOutcome(afterHandshake ? Kind.REFUSED_BY_APPLICATION : Kind.REFUSED_IN_HANDSHAKE,
                ClientAuthentication.FALSE, false,
                Message.of(afterHandshake ? "outcome.refused.afterHandshake.headline" : "outcome.refused.inHandshake.headline",
                        diagnosis.summaryMessage()),
                afterHandshake ? Message.of("outcome.refused.afterHandshake.explanation", who,
                        String.valueOf(seen.httpStatus()))
                        : Message.of("outcome.refused.inHandshake.explanation", who), Map.of());
    }

    private static CallOutcome timeout(CallObservation seen, Diagnosis diagnosis, boolean sent) {
        boolean handshakeDone = seen.negotiatedProtocol() != null;
        return new CallOutcome(Kind.NETWORK, handshakeDone && sent ? ClientAuthentication.UNKNOWN : ClientAuthentication.FALSE,
                false, Message.of("outcome.timeout.headline", diagnosis.summaryMessage()),
                handshakeDone ? Message.of("outcome.timeout.explanation.afterHandshake") : diagnosis.causeMessage(),
                Map.of());
    }

    private static CallOutcome answered(CallObservation seen, boolean sent) {
        int status = seen.httpStatus() == null ? 0 : seen.httpStatus();
        String shown = String.valueOf(status);
        if (!sent) {
            boolean twoHundred = status >= 200 && status < 300;
            Message asked = Message.of(seen.certificateRequested() ? "outcome.bypass.asked" : "outcome.bypass.notAsked",
                    shown);
            return new CallOutcome(Kind.ANSWERED_WITHOUT_CLIENT_AUTH, ClientAuthentication.FALSE, twoHundred,
                    twoHundred ? Message.of("outcome.bypass.headline")
                            : Message.of("outcome.withoutClientAuth.headline", shown),
                    Message.of("outcome.bypass.explanation", asked), bypassFixes());
        }
        if (!seen.serverSaysUnsafe().isEmpty()) {
            return new CallOutcome(Kind.MUTUALLY_AUTHENTICATED, ClientAuthentication.UNKNOWN, false,
                    Message.of("outcome.unsafeServer.headline"),
                    Message.of("outcome.unsafeServer.explanation", shown, String.join("; ", seen.serverSaysUnsafe())),
                    Map.of());
        }
        return new CallOutcome(Kind.MUTUALLY_AUTHENTICATED, ClientAuthentication.TRUE, false,
                Message.of("outcome.mutual.headline", shown),
                Message.of("outcome.mutual.explanation"), Map.of());
    }

    /** The fix for the bypass in the stacks the seed and the workshops use. */
    static Map<String, Message> bypassFixes() {
        Map<String, Message> fixes = new LinkedHashMap<>();
        fixes.put("go", Message.of("outcome.bypass.fix.go"));
        fixes.put("nginx", Message.of("outcome.bypass.fix.nginx"));
        fixes.put("java", Message.of("outcome.bypass.fix.java"));
        return fixes;
    }
}
