package io.mtlslab.diagnose;

import io.mtlslab.diagnose.CallOutcome.ClientAuthentication;
import io.mtlslab.diagnose.CallOutcome.Kind;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Decides a call's {@link CallOutcome} from what it saw and its {@link Diagnosis}: the one place that
 * says whether the client was authenticated, so no screen can call a bypass a success.
 */
public final class CallOutcomes {

    /** The classic mTLS pitfall (the seed article 001's), in words a student can act on. */
    static final String BYPASS_EXPLANATION = "A client certificate is what proves who the caller is in mTLS. This"
            + " server answered without one: either it never asked (client authentication is off), or it asked,"
            + " treated the certificate as optional and let the request through without checking that one was"
            + " presented. Anyone who can reach the server gets this answer — an authentication bypass (the"
            + " classic mTLS pitfall: tls.RequestClientCert or VerifyClientCertIfGiven in Go, nginx's"
            + " ssl_verify_client optional, Java's setWantClientAuth(true), with a handler that does not check).";

    private CallOutcomes() {
    }

    public static CallOutcome of(CallObservation seen, Diagnosis diagnosis) {
        boolean sent = seen.clientCertificateSent();
        if (diagnosis == null) {
            return answered(seen, sent);
        }
        DiagnosisCode code = diagnosis.code();
        return switch (code) {
            case CONNECTION_REFUSED, HOST_NOT_FOUND, NOT_TLS -> new CallOutcome(Kind.NETWORK, ClientAuthentication.FALSE,
                    false, "No TLS connection: " + diagnosis.summary(),
                    "The call never reached a TLS handshake, so nothing was authenticated.", Map.of());
            case TIMEOUT -> timeout(seen, diagnosis, sent);
            case HTTP_UNAUTHORIZED, HTTP_FORBIDDEN -> new CallOutcome(Kind.REFUSED_BY_APPLICATION,
                    sent ? ClientAuthentication.TRUE : ClientAuthentication.FALSE, false,
                    "Refused by the application: " + diagnosis.summary(),
                    sent ? "The TLS layer accepted the client certificate; the application then refused the request."
                            : "No client certificate was sent, and the application refused the request: the server"
                                    + " does check who is calling.", Map.of());
            case HTTP_ERROR -> new CallOutcome(Kind.HTTP_ERROR, sent ? ClientAuthentication.TRUE : ClientAuthentication.FALSE,
                    false, "HTTP error: " + diagnosis.summary(),
                    sent ? "The handshake completed with the client certificate; the error came from the application."
                            : "The handshake completed without a client certificate; the error came from the application.",
                    Map.of());
            default -> refused(seen, diagnosis);
        };
    }

    private static CallOutcome refused(CallObservation seen, Diagnosis diagnosis) {
        boolean afterHandshake = seen.error() == null && seen.httpStatus() != null;
        String who = diagnosis.side() == Side.CLIENT ? "This client refused the server" : "The server refused this client";
        return new CallOutcome(afterHandshake ? Kind.REFUSED_BY_APPLICATION : Kind.REFUSED_IN_HANDSHAKE,
                ClientAuthentication.FALSE, false,
                (afterHandshake ? "Refused after the handshake: " : "Refused in the handshake: ") + diagnosis.summary(),
                afterHandshake ? who + " at the HTTP layer (the server answered " + seen.httpStatus() + ") because of"
                        + " the client certificate; see the diagnosis."
                        : who + " during the TLS handshake; see the diagnosis.", Map.of());
    }

    private static CallOutcome timeout(CallObservation seen, Diagnosis diagnosis, boolean sent) {
        boolean handshakeDone = seen.negotiatedProtocol() != null;
        return new CallOutcome(Kind.NETWORK, handshakeDone && sent ? ClientAuthentication.UNKNOWN : ClientAuthentication.FALSE,
                false, "No answer: " + diagnosis.summary(),
                handshakeDone ? "The handshake completed, then the server did not answer in time." : diagnosis.cause(),
                Map.of());
    }

    private static CallOutcome answered(CallObservation seen, boolean sent) {
        int status = seen.httpStatus() == null ? 0 : seen.httpStatus();
        if (!sent) {
            boolean twoHundred = status >= 200 && status < 300;
            String asked = seen.certificateRequested()
                    ? "The server asked for a client certificate, none was sent, and it answered " + status + " anyway."
                    : "The server never asked for a client certificate and answered " + status + ".";
            return new CallOutcome(Kind.ANSWERED_WITHOUT_CLIENT_AUTH, ClientAuthentication.FALSE, twoHundred,
                    twoHundred ? "Answered without client authentication: likely an authentication bypass."
                            : "Answered " + status + " without client authentication.",
                    asked + " " + BYPASS_EXPLANATION, bypassFixes());
        }
        if (!seen.serverSaysUnsafe().isEmpty()) {
            return new CallOutcome(Kind.MUTUALLY_AUTHENTICATED, ClientAuthentication.UNKNOWN, false,
                    "Answered with our client certificate, by a server in an unsafe mode.",
                    "The server received our certificate and answered " + status + ", but it declares itself unsafe ("
                            + String.join("; ", seen.serverSaysUnsafe()) + "), so it may accept certificates it should"
                            + " refuse.", Map.of());
        }
        return new CallOutcome(Kind.MUTUALLY_AUTHENTICATED, ClientAuthentication.TRUE, false,
                "Mutually authenticated: the server asked for our certificate, received it and answered " + status + ".",
                "This client verified the server's chain and host name; the server requested the client certificate,"
                        + " received it and served the request. One call cannot prove the server would refuse a forged"
                        + " certificate: the scenario matrix tries those.", Map.of());
    }

    /** The fix for the bypass in the stacks the seed and the workshops use. */
    static Map<String, String> bypassFixes() {
        Map<String, String> fixes = new LinkedHashMap<>();
        fixes.put("go", "tls.Config{ClientAuth: tls.RequireAndVerifyClientCert, ClientCAs: pool} — never"
                + " RequestClientCert, RequireAnyClientCert or VerifyClientCertIfGiven for an API that needs identity.");
        fixes.put("nginx", "ssl_verify_client on; ssl_client_certificate ca.pem; — with optional, check"
                + " $ssl_client_verify = SUCCESS before serving.");
        fixes.put("java", "sslParameters.setNeedClientAuth(true) (Spring Boot: server.ssl.client-auth=need) — not"
                + " setWantClientAuth(true)/want, unless the handler refuses requests without a verified certificate.");
        return fixes;
    }
}
