package io.mtlslab.diagnose;

import io.mtlslab.pki.Certificates;
import java.io.EOFException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.net.ssl.SSLException;
import javax.security.auth.x500.X500Principal;

/**
 * The one place that turns what a test call saw into a {@link Diagnosis}.
 *
 * <p>It reasons from facts first (the certificates, what the server asked for, what was sent) and
 * from exception texts only where Java gives no other handle (the alert a server sent, a plain-HTTP
 * reply). A server's refusal reaches the client only as an alert — often a vague one such as
 * {@code certificate_unknown} — so the reason is found by checking the certificate that was sent.
 */
public final class Diagnoser {

    private static final Pattern ALERT = Pattern.compile("Received fatal alert: (\\w+)");

    static final String LATE_REJECTION = "In TLS 1.3 the server checks the client certificate after the client"
            + " has already finished its handshake, so the refusal arrived as an alert at the first read."
            + " A client that only connects (or never reads) would wrongly believe it was accepted.";

    private Diagnoser() {
    }

    /** The diagnosis of a failed call, or {@code null} when the call succeeded (TLS done, status 2xx/3xx). */
    public static Diagnosis diagnose(CallObservation seen) {
        if (seen.error() == null) {
            return seen.httpStatus() == null || seen.httpStatus() < 400 ? null : httpError(seen);
        }
        Diagnosis network = network(seen);
        if (network != null) {
            return network;
        }
        if (seen.serverRejectedByClient() != null && !seen.serverChain().isEmpty()) {
            return clientRefusedServer(seen);
        }
        String alert = alert(seen.error());
        if (alert == null && (containsMessage(seen.error(), "Unsupported or unrecognized SSL message")
                || containsMessage(seen.error(), "plaintext connection"))) {
            return make(DiagnosisCode.NOT_TLS, Side.NETWORK, seen,
                    "The server at " + seen.host() + ":" + seen.port() + " did not answer in TLS.",
                    "What came back is not a TLS record; it is most likely a plain HTTP server (or another"
                            + " protocol) on that port.",
                    "Call it with http://, or call the port where the HTTPS server listens.");
        }
        if ("protocol_version".equals(alert)) {
            return make(DiagnosisCode.PROTOCOL_VERSION, Side.SERVER, seen,
                    "The server refused the TLS versions this client offered (" + offered(seen) + ").",
                    "The server and the client have no TLS version in common; the server answered with a"
                            + " protocol_version alert. Secure servers accept only TLS 1.2 and 1.3.",
                    protocolVersionFix(seen.offeredProtocols()));
        }
        if (alert == null && localProtocolRefusal(seen.error())) {
            return make(DiagnosisCode.PROTOCOL_VERSION, Side.CLIENT, seen,
                    "This client refused the TLS version on offer (" + offered(seen) + ").",
                    "Either the server chose a version this client does not accept, or this Java runtime has"
                            + " disabled the requested versions (TLS 1.0/1.1 are disabled by"
                            + " jdk.tls.disabledAlgorithms).",
                    "Offer TLS 1.2 and 1.3, and upgrade a server that only speaks older versions.");
        }
        if (alert != null || serverDroppedAfterHandshake(seen)) {
            return serverRefusedClient(seen, alert, null);
        }
        if (seen.error() instanceof SSLException || seen.failedAt() == CallPhase.HANDSHAKE) {
            return make(DiagnosisCode.HANDSHAKE_FAILED, Side.NETWORK, seen,
                    "The TLS handshake with " + seen.host() + ":" + seen.port() + " failed.",
                    "The connection ended during the handshake without an alert mTLS Lab can explain: "
                            + rootMessage(seen.error()),
                    "Compare with openssl s_client -connect " + seen.host() + ":" + seen.port()
                            + " and check the server's log.");
        }
        return make(DiagnosisCode.HANDSHAKE_FAILED, Side.NETWORK, seen,
                "The call to " + seen.host() + ":" + seen.port() + " failed.",
                rootMessage(seen.error()), "Check the server's log and the raw message.");
    }

    private static Diagnosis network(CallObservation seen) {
        Throwable error = seen.error();
        String where = seen.host() + ":" + seen.port();
        if (has(error, ConnectException.class)) {
            return make(DiagnosisCode.CONNECTION_REFUSED, Side.NETWORK, seen,
                    "Nothing listens on " + where + ".",
                    "The connection was refused: no server is running on that port, or it listens on another"
                            + " address (the echo server binds 127.0.0.1 by default).",
                    "Start the server (mtls-lab serve --port " + seen.port() + ") or correct the port in the URL.");
        }
        if (has(error, UnknownHostException.class)) {
            return make(DiagnosisCode.HOST_NOT_FOUND, Side.NETWORK, seen,
                    "The host name " + seen.host() + " does not resolve.",
                    "The name is not in DNS or in the hosts file.",
                    "Check the spelling, use an IP address, or add the name to the hosts file.");
        }
        if (has(error, SocketTimeoutException.class) || has(error, java.net.http.HttpTimeoutException.class)) {
            String phase = seen.failedAt() == CallPhase.CONNECT ? "to accept the connection"
                    : seen.failedAt() == CallPhase.HANDSHAKE ? "to complete the TLS handshake" : "to answer";
            return make(DiagnosisCode.TIMEOUT, Side.NETWORK, seen,
                    "The server at " + where + " took too long " + phase + ".",
                    "No answer came within the time limit; the server may be stalled, overloaded, or"
                            + " something in between drops the packets.",
                    "Check that the server is healthy and reachable, or allow a longer timeout.");
        }
        return null;
    }

    private static Diagnosis clientRefusedServer(CallObservation seen) {
        List<X509Certificate> chain = seen.serverChain();
        X509Certificate leaf = chain.get(0);
        String subject = CertificateFacts.subjectName(leaf);
        String issuer = CertificateFacts.issuerName(leaf);
        String trust = seen.systemTrust() ? "the system CA store" : "the trust anchor you chose ("
                + seen.trustAnchors().stream().map(CertificateFacts::subjectName).collect(Collectors.joining(", ")) + ")";
        boolean trusted = CertificateFacts.chainsTo(chain, seen.trustAnchors());
        if (!trusted && chain.size() == 1 && Certificates.isSelfSigned(leaf)) {
            return make(DiagnosisCode.SELF_SIGNED, Side.CLIENT, seen,
                    "The server presented a self-signed certificate (" + subject + ") that this client does not trust.",
                    "No CA vouches for it: it signed itself, and it is not in " + trust + ".",
                    "Give the server a certificate issued by your CA"
                            + (seen.referenceCa() != null ? " (" + CertificateFacts.subjectName(seen.referenceCa()) + ")" : "")
                            + ", or — only if you really mean to pin it — trust this exact certificate with --ca.");
        }
        if (!trusted) {
            X509Certificate top = chain.get(chain.size() - 1);
            String unknown = CertificateFacts.issuerName(top);
            boolean sameName = seen.trustAnchors().stream()
                    .anyMatch(a -> a.getSubjectX500Principal().equals(top.getIssuerX500Principal()));
            return make(DiagnosisCode.UNKNOWN_CA, Side.CLIENT, seen,
                    "This client does not trust the issuer of the server's certificate (" + unknown + ").",
                    sameName ? "A CA named " + unknown + " signed the server's certificate, but not the " + unknown
                            + " you trust: same name, different key (another workspace's CA, or a look-alike)."
                            : "The server's chain (" + subject + ", issued by " + issuer + ") does not lead to " + trust + ".",
                    "Trust the CA that issued the server certificate (--ca with that CA's PEM file), or give the"
                            + " server a certificate from the CA you trust.");
        }
        for (X509Certificate certificate : chain) {
            if (CertificateFacts.expired(certificate, seen.at())) {
                return make(DiagnosisCode.EXPIRED, Side.CLIENT, seen,
                        "The server's certificate " + CertificateFacts.subjectName(certificate) + " has expired.",
                        "It was valid until " + certificate.getNotAfter().toInstant() + "; it is now " + seen.at() + ".",
                        "Renew the server certificate (mtls-lab server issue --force ...) and restart the server.");
            }
            if (CertificateFacts.notYetValid(certificate, seen.at())) {
                return make(DiagnosisCode.NOT_YET_VALID, Side.CLIENT, seen,
                        "The server's certificate " + CertificateFacts.subjectName(certificate) + " is not valid yet.",
                        "It becomes valid at " + certificate.getNotBefore().toInstant() + "; it is now " + seen.at()
                                + ". Either it was issued with a future start date or one of the clocks is wrong.",
                        "Check the clocks of both machines, or re-issue the certificate valid from now.");
            }
        }
        if (CertificateFacts.lacksServerAuth(leaf)) {
            return make(DiagnosisCode.MISSING_SERVER_AUTH_EKU, Side.CLIENT, seen,
                    "The server's certificate (" + subject + ") is not allowed for TLS servers.",
                    "Its extended key usage lacks serverAuth — it looks like a client certificate installed on the"
                            + " server.",
                    "Issue a server certificate (EKU serverAuth) for the server: mtls-lab server issue.");
        }
        if (CertificateFacts.revoked(leaf, seen.crls()) || has(seen.serverRejectedByClient(), "revoked")) {
            return make(DiagnosisCode.REVOKED, Side.CLIENT, seen,
                    "The server's certificate (" + subject + ", serial " + Certificates.serialHex(leaf) + ") is revoked.",
                    "Its CA's revocation list names it"
                            + dateSuffix(CertificateFacts.revocationDate(leaf, seen.crls())) + ".",
                    "Issue the server a new certificate and restart it with that identity.");
        }
        if (!CertificateFacts.matchesHost(leaf, seen.host())) {
            boolean ip = CertificateFacts.isIpLiteral(seen.host());
            List<String> names = CertificateFacts.hostNames(leaf);
            return make(DiagnosisCode.HOSTNAME_MISMATCH, Side.CLIENT, seen,
                    "The server's certificate is not valid for " + (ip ? "the address " : "the name ") + seen.host() + ".",
                    "Its subject alternative names are " + (names.isEmpty() ? "missing (a CN alone is not checked)"
                            : String.join(", ", names)) + "; " + seen.host() + " is not among them.",
                    "Call the server by a name in its SANs, or re-issue its certificate with --san "
                            + (ip ? "ip:" : "dns:") + seen.host() + ".");
        }
        return make(DiagnosisCode.UNKNOWN_CA, Side.CLIENT, seen,
                "This client refused the server's certificate chain (" + subject + ").",
                rootMessage(seen.serverRejectedByClient()),
                "Check the chain with: openssl verify -CAfile ca.pem server.pem");
    }

    /**
     * The server refused the client: by a TLS alert ({@code alert}), by closing the connection, or after
     * the handshake at the HTTP layer ({@code terminator}, e.g. nginx's 400). The reason is found by
     * checking the certificate that was (or was not) sent.
     */
    private static Diagnosis serverRefusedClient(CallObservation seen, String alert, TerminatorRefusal terminator) {
        String late = seen.failedAt() == CallPhase.FIRST_READ ? " " + LATE_REJECTION : "";
        String ref = seen.referenceCa() == null ? null : CertificateFacts.subjectName(seen.referenceCa());
        String alertText = terminator != null ? terminator.how()
                : alert == null ? "closed the connection" : "sent the alert " + alert;
        Refusal say = (code, summary, cause, fix) -> terminator == null ? make(code, Side.SERVER, seen, summary, cause, fix)
                : new Diagnosis(code, Side.SERVER, summary, cause, fix, terminator.serverText(),
                        ElsewhereMessages.ofTerminator(code, terminator.certificateSent()));
        if (terminator == null && !seen.certificateRequested() && !"certificate_required".equals(alert)) {
            return make(DiagnosisCode.HANDSHAKE_FAILED, Side.SERVER, seen,
                    "The server ended the handshake (" + (alert == null ? "no alert" : alert)
                            + ") before asking for a client certificate.",
                    "The refusal came before any certificate of ours was involved: typically the two sides share"
                            + " no cipher suite, key-exchange group or signature algorithm, or the server refuses"
                            + " the name we asked for (SNI).",
                    "Compare what each side enables: openssl s_client -connect " + seen.host() + ":" + seen.port()
                            + " shows what the server accepts.");
        }
        if (!seen.clientCertificateSent() || "certificate_required".equals(alert)) {
            List<X500Principal> names = seen.acceptedIssuers();
            if (!seen.clientChain().isEmpty() && names != null && !names.isEmpty()
                    && !issuerAccepted(seen.clientChain(), names)) {
                X509Certificate leaf = seen.clientChain().get(0);
                String accepted = names.stream().map(CertificateFacts::shortName).collect(Collectors.joining(", "));
                return say.make(DiagnosisCode.CLIENT_CERT_NOT_SENT_ISSUER_NOT_ACCEPTED,
                        "Your client certificate was not sent: its issuer " + CertificateFacts.issuerName(leaf)
                                + " is not among the names the server accepts (" + accepted + ").",
                        "The server's CertificateRequest lists the CAs it accepts; like Go and most TLS stacks,"
                                + " the client then withholds a certificate from any other CA and sends none, so"
                                + " the server " + alertText + "." + late,
                        "Use a client certificate issued by " + accepted + ", or make the server trust "
                                + CertificateFacts.issuerName(leaf) + ".");
            }
            String why = !seen.certificateRequested() ? "the server did not ask for one during the handshake"
                    : seen.clientChain().isEmpty() ? "no client identity was chosen for this call"
                    : "the client had none matching the key types the server asked for (" + seen.requestedKeyTypes() + ")";
            return say.make(DiagnosisCode.NO_CLIENT_CERTIFICATE,
                    "The server requires a client certificate and none was sent.",
                    "No certificate was sent because " + why + "; the server " + alertText + "." + late,
                    "Choose a client identity (--client NAME)" + (ref != null ? " issued by " + ref : "")
                            + "; in Go set tls.Config.Certificates, in curl give --cert and --key.");
        }
        X509Certificate leaf = seen.clientChain().get(0);
        String subject = CertificateFacts.subjectName(leaf);
        String issuer = CertificateFacts.issuerName(leaf);
        boolean expired = CertificateFacts.expired(leaf, seen.at());
        if ("certificate_expired".equals(alert) || expired) {
            return say.make(DiagnosisCode.EXPIRED,
                    "The server refused your client certificate (" + subject + "): it has expired.",
                    "It was valid until " + leaf.getNotAfter().toInstant() + "; the server " + alertText + "." + late,
                    "Renew the client certificate: mtls-lab client issue --name <name> --force"
                            + (ref != null ? " (issued by " + ref + ")" : "") + ".");
        }
        if (CertificateFacts.notYetValid(leaf, seen.at())) {
            return say.make(DiagnosisCode.NOT_YET_VALID,
                    "The server refused your client certificate (" + subject + "): it is not valid yet.",
                    "It becomes valid at " + leaf.getNotBefore().toInstant() + "; the server " + alertText
                            + ". Either it was issued with a future start date or a clock is wrong." + late,
                    "Check the clocks, or re-issue the client certificate valid from now.");
        }
        if ("certificate_revoked".equals(alert) || CertificateFacts.revoked(leaf, seen.crls())) {
            return say.make(DiagnosisCode.REVOKED,
                    "The server refused your client certificate (" + subject + ", serial "
                            + Certificates.serialHex(leaf) + "): it is revoked.",
                    "The CA's revocation list names it" + dateSuffix(CertificateFacts.revocationDate(leaf, seen.crls()))
                            + "; the server checks that list and " + alertText + "." + late,
                    "Ask for a new client certificate; a revoked one cannot be reinstated.");
        }
        if ("unsupported_certificate".equals(alert) || CertificateFacts.lacksClientAuth(leaf)) {
            return say.make(DiagnosisCode.MISSING_CLIENT_AUTH_EKU,
                    "The server refused your certificate (" + subject + "): it is not a client certificate.",
                    "Its extended key usage lacks clientAuth (a server certificate used as a client?); the server "
                            + alertText + "." + late,
                    "Use a client certificate (EKU clientAuth): mtls-lab client issue.");
        }
        if (seen.clientChain().size() == 1 && Certificates.isSelfSigned(leaf)) {
            return say.make(DiagnosisCode.SELF_SIGNED,
                    "The server refused your client certificate (" + subject + "): it is self-signed.",
                    "No CA the server trusts vouches for it, even though its name may look right; the server "
                            + alertText + "." + late,
                    "Use a client certificate issued by " + (ref != null ? ref : "the server's CA") + ".");
        }
        X509Certificate referenceCa = seen.referenceCa();
        if (referenceCa != null && leaf.getIssuerX500Principal().equals(referenceCa.getSubjectX500Principal())
                && !CertificateFacts.chainsTo(seen.clientChain(), List.of(referenceCa))) {
            return say.make(DiagnosisCode.UNKNOWN_CA,
                    "The server does not trust the issuer of your client certificate: a CA named " + issuer
                            + " signed it, but not the " + issuer + " of this workspace.",
                    "The two CAs have the same name and different keys: your certificate was signed by key "
                            + keyId(CertificateFacts.authorityKeyId(leaf)) + ", the workspace CA's key is "
                            + keyId(CertificateFacts.subjectKeyId(referenceCa)) + ". It comes from a look-alike (rogue)"
                            + " CA or another workspace; names prove nothing, signatures do. The server " + alertText
                            + "." + late,
                    "Present a client certificate signed by the workspace CA's own key ("
                            + keyId(CertificateFacts.subjectKeyId(referenceCa)) + "): issue one with mtls-lab client"
                            + " issue in this workspace, or call with the identity the server's CA really issued.");
        }
        if (referenceCa != null && seen.clientChain().size() > 1 && !CertificateFacts.signedBy(leaf, referenceCa)
                && CertificateFacts.chainsTo(seen.clientChain(), List.of(referenceCa))) {
            long intermediates = seen.clientChain().stream().skip(1).filter(c -> !Certificates.isSelfSigned(c)).count();
            return say.make(DiagnosisCode.CHAIN_TOO_LONG,
                    "The server refused your client certificate (" + subject + "), which reaches " + ref
                            + " only through " + intermediates + (intermediates == 1 ? " intermediate CA (" : " intermediate CAs (")
                            + issuer + ").",
                    "Your chain is valid up to the workspace CA, so the server either allows fewer intermediates"
                            + " than your chain has (nginx: ssl_verify_depth, the number of intermediates allowed"
                            + " between a client certificate and the trusted CA) or does not accept the intermediate."
                            + " The server " + alertText + "." + late,
                    "Raise the server's verify depth to at least " + intermediates + " (nginx: ssl_verify_depth "
                            + Math.max(1, intermediates) + ";) and make sure it trusts " + ref
                            + ", or issue the client certificate directly from " + ref + ".");
        }
        return say.make(DiagnosisCode.UNKNOWN_CA,
                "The server does not trust the issuer of your client certificate (" + issuer + ").",
                "The server could not build a path from your certificate (issued by " + issuer
                        + ") to a CA it trusts. The server " + alertText + "." + late,
                "Make the server trust " + issuer + " (nginx: ssl_client_certificate; Go: ClientCAs; Java: the"
                        + " trust store)" + (ref != null && !ref.equals(issuer)
                                ? ", or present a client certificate issued by " + ref : "") + ".");
    }

    /** A functional shape for the refusal texts, so one branch list serves TLS alerts and HTTP refusals. */
    @FunctionalInterface
    private interface Refusal {
        Diagnosis make(DiagnosisCode code, String summary, String cause, String fix);
    }

    private static String keyId(String hex) {
        return hex == null ? "(no key identifier)" : hex;
    }

    private static String protocolVersionFix(List<String> offered) {
        boolean modern12 = offered.contains("TLSv1.2");
        boolean modern13 = offered.contains("TLSv1.3");
        if (modern12 && modern13) {
            return "This client already offered TLS 1.2 and 1.3, so the server speaks only obsolete versions (TLS 1.0"
                    + " or 1.1) or is misconfigured: upgrade the server to TLS 1.2 or 1.3. Only to test such a server,"
                    + " call it with --tls 1.1.";
        }
        if (modern12) {
            return "Offer TLS 1.3 as well (--tls 1.2,1.3): the server may accept only TLS 1.3.";
        }
        if (modern13) {
            return "Offer TLS 1.2 as well (--tls 1.2,1.3): the server may not speak TLS 1.3 yet.";
        }
        return "Offer TLS 1.2 and 1.3 (--tls 1.2,1.3); never re-enable TLS 1.0/1.1 on the server.";
    }

    private static Diagnosis httpError(CallObservation seen) {
        int status = seen.httpStatus();
        String body = seen.httpBody() == null ? "" : seen.httpBody().strip();
        if (status == 401 && body.contains("\"hmac-")) {
            return hmacRejected(seen, body);
        }
        TerminatorRefusal terminator = TerminatorRefusal.of(status, body);
        if (terminator != null) {
            return serverRefusedClient(seen, null, terminator);
        }
        boolean sent = seen.clientCertificateSent();
        String said = body.isEmpty() ? "" : " It said: " + excerpt(body);
        if (status == 401 || status == 403) {
            String answer = status == 401 ? "401 Unauthorized" : "403 Forbidden";
            return make(status == 401 ? DiagnosisCode.HTTP_UNAUTHORIZED : DiagnosisCode.HTTP_FORBIDDEN, Side.SERVER, seen,
                    "The TLS handshake succeeded, but the server's application answered " + answer + ".",
                    (sent ? "Your client certificate was accepted at the TLS layer, yet the application refused"
                            + (status == 403 ? " this identity." : " the request.")
                            : "No client certificate was sent; the server let the handshake through (client"
                                    + " certificates optional or not requested) and its application refused the request.")
                            + said,
                    sent ? "Check which identities the application authorizes (CN, OU, serial)."
                            : "Send a client certificate (--client NAME).");
        }
        return make(DiagnosisCode.HTTP_ERROR, Side.SERVER, seen,
                "The TLS handshake succeeded, but the server answered HTTP " + status + ".",
                body.isEmpty() ? "The application returned an error status." : said.strip(),
                status >= 500 ? "The server failed while handling the call: check the server's log."
                        : "Check the path and method of the call and the server's log.");
    }

    /** The first few hundred characters of a body a peer sent, safe to print on one line. */
    private static String excerpt(String body) {
        String oneLine = body.replaceAll("\\s+", " ").strip();
        return io.mtlslab.pki.PeerText.escape(oneLine.length() > 300 ? oneLine.substring(0, 300) + "…" : oneLine);
    }

    /** 401 from the echo server's HMAC layer (SPEC S6): TLS authenticated the client, the signature did not verify. */
    private static Diagnosis hmacRejected(CallObservation seen, String body) {
        java.util.regex.Matcher code = java.util.regex.Pattern.compile("\"(hmac-[a-z-]+)\"").matcher(body);
        String reason = code.find() ? code.group(1) : "hmac-wrong-signature";
        String fix = switch (reason) {
            case "hmac-missing" -> "Sign the call with the client's HMAC secret (headers X-Mtlslab-Timestamp and"
                    + " X-Mtlslab-Signature).";
            case "hmac-stale" -> "Sign each request when it is sent and check that both clocks are right (at most"
                    + " 5 minutes apart).";
            case "hmac-unknown-client" -> "Create an HMAC secret for this client identity (mtls-lab bundle NAME --hmac).";
            default -> "Sign exactly the method, path, timestamp and body that are sent, with this client's own secret.";
        };
        return make(DiagnosisCode.HTTP_UNAUTHORIZED, Side.SERVER, seen,
                "The TLS handshake succeeded, but the server's HMAC layer refused the request's signature (" + reason + ").",
                "The server requires an HMAC-SHA256 signature of each request under the client's secret. It said: " + excerpt(body),
                fix);
    }

    private static boolean issuerAccepted(List<X509Certificate> chain, List<X500Principal> names) {
        for (X509Certificate certificate : chain) {
            if (names.contains(certificate.getIssuerX500Principal())
                    || names.contains(certificate.getSubjectX500Principal())) {
                return true;
            }
        }
        return false;
    }

    /** TLS 1.3: a server that rejects the client certificate may just close (or reset) after our Finished. */
    private static boolean serverDroppedAfterHandshake(CallObservation seen) {
        boolean dropped = has(seen.error(), EOFException.class) || has(seen.error(), SocketException.class)
                || containsMessage(seen.error(), "Remote host terminated") || containsMessage(seen.error(), "closed");
        return dropped && seen.certificateRequested()
                && (seen.failedAt() == CallPhase.FIRST_READ || seen.failedAt() == CallPhase.HANDSHAKE);
    }

    private static boolean localProtocolRefusal(Throwable error) {
        return containsMessage(error, "No appropriate protocol")
                || containsMessage(error, "not accepted by client preferences")
                || containsMessage(error, "protocol is disabled")
                || containsMessage(error, "Unsupported protocol version")
                || containsMessage(error, "The server selected protocol version");
    }

    /** The TLS alert name a peer sent ({@code bad_certificate}, {@code unknown_ca}, ...), if any. */
    public static String alert(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            String alert = alertIn(t.getMessage());
            if (alert != null) {
                return alert;
            }
            for (Throwable suppressed : t.getSuppressed()) {
                String inner = alert(suppressed);
                if (inner != null) {
                    return inner;
                }
            }
        }
        return null;
    }

    /** The TLS alert named in a message such as a diagnosis's raw message, if any. */
    public static String alertIn(String message) {
        if (message == null) {
            return null;
        }
        Matcher matcher = ALERT.matcher(message);
        return matcher.find() ? matcher.group(1).toLowerCase(Locale.ROOT) : null;
    }

    /** Every message in the cause chain, outermost first: what Java itself said. */
    public static String rawMessage(Throwable error) {
        if (error == null) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        for (Throwable t = error; t != null && parts.size() < 6; t = t.getCause()) {
            parts.add(t.getClass().getName() + ": " + t.getMessage());
        }
        return String.join("\ncaused by ", parts);
    }

    /** The innermost cause: where the failure really happened. */
    public static Throwable rootCause(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    /** The innermost cause's message, or its class name when it has none. */
    public static String rootMessage(Throwable error) {
        Throwable root = rootCause(error);
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    private static boolean has(Throwable error, Class<? extends Throwable> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static boolean has(Throwable error, String fragment) {
        return containsMessage(error, fragment);
    }

    private static boolean containsMessage(Throwable error, String fragment) {
        String wanted = fragment.toLowerCase(Locale.ROOT);
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().toLowerCase(Locale.ROOT).contains(wanted)) {
                return true;
            }
            if (t instanceof CertPathValidatorException validator && validator.getReason() != null
                    && validator.getReason().toString().toLowerCase(Locale.ROOT).contains(wanted)) {
                return true;
            }
        }
        return false;
    }

    private static String offered(CallObservation seen) {
        return seen.offeredProtocols().isEmpty() ? "the default versions" : String.join(", ", seen.offeredProtocols());
    }

    private static String dateSuffix(java.util.Date date) {
        return date == null ? "" : " (revoked " + date.toInstant() + ")";
    }

    private static Diagnosis make(DiagnosisCode code, Side side, CallObservation seen, String summary, String cause,
                                  String fix) {
        return new Diagnosis(code, side, summary, cause, fix, rawMessage(seen.error()), ElsewhereMessages.of(code, side));
    }
}
