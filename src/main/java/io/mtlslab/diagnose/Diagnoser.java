package io.mtlslab.diagnose;

import io.mtlslab.pki.Certificates;
import io.mtlslab.text.Message;
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

    /** Apache httpd's 403 reason when it cannot ask a TLS 1.3 client for a certificate after the handshake. */
    private static final String POST_HANDSHAKE_REFUSAL = "Cannot perform Post-Handshake Authentication";

    private static final Pattern ALERT = Pattern.compile("Received fatal alert: (\\w+)");

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
        String where = seen.host() + ":" + seen.port();
        if (alert == null && (containsMessage(seen.error(), "Unsupported or unrecognized SSL message")
                || containsMessage(seen.error(), "plaintext connection"))) {
            return make(DiagnosisCode.NOT_TLS, Side.NETWORK, seen,
                    Message.of("diagnose.notTls.summary", where),
                    Message.of("diagnose.notTls.cause"),
                    Message.of("diagnose.notTls.fix"));
        }
        if ("protocol_version".equals(alert)) {
            return make(DiagnosisCode.PROTOCOL_VERSION, Side.SERVER, seen,
                    Message.of("diagnose.protocolVersion.server.summary", offered(seen)),
                    Message.of("diagnose.protocolVersion.server.cause"),
                    protocolVersionFix(seen.offeredProtocols()));
        }
        if (alert == null && localProtocolRefusal(seen.error())) {
            return make(DiagnosisCode.PROTOCOL_VERSION, Side.CLIENT, seen,
                    Message.of("diagnose.protocolVersion.client.summary", offered(seen)),
                    Message.of("diagnose.protocolVersion.client.cause"),
                    Message.of("diagnose.protocolVersion.client.fix"));
        }
        if (alert != null || serverDroppedAfterHandshake(seen)) {
            return serverRefusedClient(seen, alert, null);
        }
        if (seen.error() instanceof SSLException || seen.failedAt() == CallPhase.HANDSHAKE) {
            return make(DiagnosisCode.HANDSHAKE_FAILED, Side.NETWORK, seen,
                    Message.of("diagnose.handshakeFailed.summary", where),
                    Message.of("diagnose.handshakeFailed.cause", rootMessage(seen.error())),
                    Message.of("diagnose.handshakeFailed.fix", where));
        }
        return make(DiagnosisCode.HANDSHAKE_FAILED, Side.NETWORK, seen,
                Message.of("diagnose.callFailed.summary", where),
                verbatim(rootMessage(seen.error())), Message.of("diagnose.callFailed.fix"));
    }

    private static Diagnosis network(CallObservation seen) {
        Throwable error = seen.error();
        String where = seen.host() + ":" + seen.port();
        if (has(error, ConnectException.class)) {
            return make(DiagnosisCode.CONNECTION_REFUSED, Side.NETWORK, seen,
                    Message.of("diagnose.connectionRefused.summary", where),
                    Message.of("diagnose.connectionRefused.cause"),
                    Message.of("diagnose.connectionRefused.fix", String.valueOf(seen.port())));
        }
        if (has(error, UnknownHostException.class)) {
            return make(DiagnosisCode.HOST_NOT_FOUND, Side.NETWORK, seen,
                    Message.of("diagnose.hostNotFound.summary", seen.host()),
                    Message.of("diagnose.hostNotFound.cause"),
                    Message.of("diagnose.hostNotFound.fix"));
        }
        if (has(error, SocketTimeoutException.class) || has(error, java.net.http.HttpTimeoutException.class)) {
            Message phase = seen.failedAt() == CallPhase.CONNECT ? Message.of("diagnose.timeout.phase.connect")
                    : seen.failedAt() == CallPhase.HANDSHAKE ? Message.of("diagnose.timeout.phase.handshake")
                    : Message.of("diagnose.timeout.phase.answer");
            return make(DiagnosisCode.TIMEOUT, Side.NETWORK, seen,
                    Message.of("diagnose.timeout.summary", where, phase),
                    Message.of("diagnose.timeout.cause"),
                    Message.of("diagnose.timeout.fix"));
        }
        return null;
    }

    private static Diagnosis clientRefusedServer(CallObservation seen) {
        List<X509Certificate> chain = seen.serverChain();
        X509Certificate leaf = chain.get(0);
        String subject = CertificateFacts.subjectName(leaf);
        String issuer = CertificateFacts.issuerName(leaf);
        Message trust = seen.systemTrust() ? Message.of("diagnose.trust.system")
                : Message.of("diagnose.trust.chosen",
                        seen.trustAnchors().stream().map(CertificateFacts::subjectName).collect(Collectors.joining(", ")));
        boolean trusted = CertificateFacts.chainsTo(chain, seen.trustAnchors());
        if (!trusted && chain.size() == 1 && Certificates.isSelfSigned(leaf)) {
            return make(DiagnosisCode.SELF_SIGNED, Side.CLIENT, seen,
                    Message.of("diagnose.serverSelfSigned.summary", subject),
                    Message.of("diagnose.serverSelfSigned.cause", trust),
                    Message.of("diagnose.serverSelfSigned.fix", seen.referenceCa() != null
                            ? " (" + CertificateFacts.subjectName(seen.referenceCa()) + ")" : ""));
        }
        if (!trusted) {
            X509Certificate top = chain.get(chain.size() - 1);
            String unknown = CertificateFacts.issuerName(top);
            boolean sameName = seen.trustAnchors().stream()
                    .anyMatch(a -> a.getSubjectX500Principal().equals(top.getIssuerX500Principal()));
            if (!sameName && !Certificates.isSelfSigned(top)) {
                // The chain stops below a root: most often the server leaves out its intermediate, which
                // from here looks the same as a CA nobody gave us. Both are said, the usual one first.
                return make(DiagnosisCode.UNKNOWN_CA, Side.CLIENT, seen,
                        Message.of("diagnose.serverUnknownCa.summary", unknown),
                        Message.of("diagnose.serverUnknownCa.cause.incomplete", CertificateFacts.subjectName(top),
                                unknown, trust),
                        Message.of("diagnose.serverUnknownCa.fix.incomplete", unknown));
            }
            return make(DiagnosisCode.UNKNOWN_CA, Side.CLIENT, seen,
                    Message.of("diagnose.serverUnknownCa.summary", unknown),
                    sameName ? Message.of("diagnose.serverUnknownCa.cause.sameName", unknown)
                            : Message.of("diagnose.serverUnknownCa.cause", subject, issuer, trust),
                    Message.of("diagnose.serverUnknownCa.fix"));
        }
        for (X509Certificate certificate : chain) {
            if (CertificateFacts.expired(certificate, seen.at())) {
                return make(DiagnosisCode.EXPIRED, Side.CLIENT, seen,
                        Message.of("diagnose.serverExpired.summary", CertificateFacts.subjectName(certificate)),
                        Message.of("diagnose.serverExpired.cause", certificate.getNotAfter().toInstant().toString(),
                                seen.at().toString()),
                        Message.of("diagnose.serverExpired.fix"));
            }
            if (CertificateFacts.notYetValid(certificate, seen.at())) {
                return make(DiagnosisCode.NOT_YET_VALID, Side.CLIENT, seen,
                        Message.of("diagnose.serverNotYetValid.summary", CertificateFacts.subjectName(certificate)),
                        Message.of("diagnose.serverNotYetValid.cause", certificate.getNotBefore().toInstant().toString(),
                                seen.at().toString()),
                        Message.of("diagnose.serverNotYetValid.fix"));
            }
        }
        if (CertificateFacts.lacksServerAuth(leaf)) {
            return make(DiagnosisCode.MISSING_SERVER_AUTH_EKU, Side.CLIENT, seen,
                    Message.of("diagnose.serverEku.summary", subject),
                    Message.of("diagnose.serverEku.cause"),
                    Message.of("diagnose.serverEku.fix"));
        }
        // every certificate of the chain: a revoked intermediate invalidates every leaf it issued
        X509Certificate revokedCa = chain.stream().skip(1).filter(c -> CertificateFacts.revoked(c, seen.crls()))
                .findFirst().orElse(null);
        if (revokedCa != null && !CertificateFacts.revoked(leaf, seen.crls())) {
            String ca = CertificateFacts.subjectName(revokedCa);
            return make(DiagnosisCode.REVOKED, Side.CLIENT, seen,
                    Message.of("diagnose.serverIssuerRevoked.summary", subject, ca, Certificates.serialHex(revokedCa)),
                    Message.of("diagnose.serverIssuerRevoked.cause", ca,
                            dateSuffix(CertificateFacts.revocationDate(revokedCa, seen.crls()))),
                    Message.of("diagnose.issuerRevoked.fix", ca, seen.referenceCa() != null
                            ? CertificateFacts.subjectName(seen.referenceCa()) : CertificateFacts.issuerName(revokedCa)));
        }
        if (CertificateFacts.revoked(leaf, seen.crls()) || has(seen.serverRejectedByClient(), "revoked")) {
            return make(DiagnosisCode.REVOKED, Side.CLIENT, seen,
                    Message.of("diagnose.serverRevoked.summary", subject, Certificates.serialHex(leaf)),
                    Message.of("diagnose.serverRevoked.cause", dateSuffix(CertificateFacts.revocationDate(leaf, seen.crls()))),
                    Message.of("diagnose.serverRevoked.fix"));
        }
        if (!CertificateFacts.matchesHost(leaf, seen.host())) {
            boolean ip = CertificateFacts.isIpLiteral(seen.host());
            List<String> names = CertificateFacts.hostNames(leaf);
            return make(DiagnosisCode.HOSTNAME_MISMATCH, Side.CLIENT, seen,
                    Message.of(ip ? "diagnose.hostname.summary.ip" : "diagnose.hostname.summary.name", seen.host()),
                    names.isEmpty() ? Message.of("diagnose.hostname.cause.noSans", seen.host())
                            : Message.of("diagnose.hostname.cause", String.join(", ", names), seen.host()),
                    Message.of("diagnose.hostname.fix", (ip ? "ip:" : "dns:") + seen.host()));
        }
        return make(DiagnosisCode.UNKNOWN_CA, Side.CLIENT, seen,
                Message.of("diagnose.serverChainRefused.summary", subject),
                verbatim(rootMessage(seen.serverRejectedByClient())),
                Message.of("diagnose.serverChainRefused.fix"));
    }

    /**
     * The server refused the client: by a TLS alert ({@code alert}), by closing the connection, or after
     * the handshake at the HTTP layer ({@code terminator}, e.g. nginx's 400). The reason is found by
     * checking the certificate that was (or was not) sent.
     */
    private static Diagnosis serverRefusedClient(CallObservation seen, String alert, TerminatorRefusal terminator) {
        Object late = seen.failedAt() == CallPhase.FIRST_READ ? Message.of("diagnose.lateRejection") : "";
        String ref = seen.referenceCa() == null ? null : CertificateFacts.subjectName(seen.referenceCa());
        Message alertText = terminator != null ? terminator.how()
                : alert == null ? Message.of("diagnose.alert.closed") : Message.of("diagnose.alert.sent", alert);
        Refusal say = (code, summary, cause, fix) -> terminator == null ? make(code, Side.SERVER, seen, summary, cause, fix)
                : new Diagnosis(code, Side.SERVER, summary, cause, fix, terminator.serverText(),
                        ElsewhereMessages.ofTerminator(code, terminator.certificateSent()));
        if (terminator == null && !seen.certificateRequested() && !"certificate_required".equals(alert)) {
            return make(DiagnosisCode.HANDSHAKE_FAILED, Side.SERVER, seen,
                    alert == null ? Message.of("diagnose.endedBeforeRequest.summary.noAlert")
                            : Message.of("diagnose.endedBeforeRequest.summary", alert),
                    Message.of("diagnose.endedBeforeRequest.cause"),
                    Message.of("diagnose.endedBeforeRequest.fix", seen.host() + ":" + seen.port()));
        }
        if (!seen.clientCertificateSent() || "certificate_required".equals(alert)) {
            List<X500Principal> names = seen.acceptedIssuers();
            if (!seen.clientChain().isEmpty() && names != null && !names.isEmpty()
                    && !issuerAccepted(seen.clientChain(), names)) {
                X509Certificate leaf = seen.clientChain().get(0);
                String accepted = names.stream().map(CertificateFacts::shortName).collect(Collectors.joining(", "));
                return say.make(DiagnosisCode.CLIENT_CERT_NOT_SENT_ISSUER_NOT_ACCEPTED,
                        Message.of("diagnose.issuerNotAccepted.summary", CertificateFacts.issuerName(leaf), accepted),
                        Message.of("diagnose.issuerNotAccepted.cause", alertText, late),
                        Message.of("diagnose.issuerNotAccepted.fix", accepted, CertificateFacts.issuerName(leaf)));
            }
            Message why = !seen.certificateRequested() ? Message.of("diagnose.noClientCertificate.why.notAsked")
                    : seen.clientChain().isEmpty() ? Message.of("diagnose.noClientCertificate.why.noIdentity")
                    : Message.of("diagnose.noClientCertificate.why.keyType", String.valueOf(seen.requestedKeyTypes()));
            return say.make(DiagnosisCode.NO_CLIENT_CERTIFICATE,
                    Message.of("diagnose.noClientCertificate.summary"),
                    Message.of("diagnose.noClientCertificate.cause", why, alertText, late),
                    ref != null ? Message.of("diagnose.noClientCertificate.fix.ref", ref)
                            : Message.of("diagnose.noClientCertificate.fix"));
        }
        X509Certificate leaf = seen.clientChain().get(0);
        String subject = CertificateFacts.subjectName(leaf);
        String issuer = CertificateFacts.issuerName(leaf);
        Fault fault = fault(seen, leaf);
        List<X500Principal> names = seen.acceptedIssuers();
        boolean listed = names != null && !names.isEmpty();
        boolean issuerListed = listed && issuerAccepted(seen.clientChain(), names);
        // A specific alert is the server's own statement of the cause: it wins over what we see here
        // (OpenSSL checks the chain before the dates, so an untrusted expired certificate gets unknown_ca).
        // Vague alerts (bad_certificate, certificate_unknown, ...) and silence leave the local facts to speak.
        // unknown_ca from a server that lists the issuer says only "not accepted" (OpenSSL sends it for a missing
        // CRL before it looks at dates): a fault seen here (expired, revoked, no clientAuth) is then the cause
        // to name, not a "looks valid from here" that the fault contradicts.
        boolean alertLeads = alert != null && SPECIFIC_ALERTS.contains(alert) && !fault.agreesWith(alert)
                && !("unknown_ca".equals(alert) && issuerListed && fault.kind() != FaultKind.VALID);
        if (alertLeads) {
            Object note = fault.note(seen.crls());
            return switch (alert) {
                case "certificate_expired" -> say.make(DiagnosisCode.EXPIRED,
                        Message.of("diagnose.clientExpired.summary", subject),
                        withNote(Message.of("diagnose.clientExpired.cause.notHere",
                                leaf.getNotAfter().toInstant().toString(), alertText, late), note),
                        Message.of("diagnose.clientExpired.fix.notHere"));
                case "certificate_revoked" -> say.make(DiagnosisCode.REVOKED,
                        Message.of("diagnose.clientRevoked.summary", subject, Certificates.serialHex(leaf)),
                        withNote(Message.of("diagnose.clientRevoked.cause.notHere", alertText, late), note),
                        Message.of("diagnose.clientRevoked.fix"));
                case "unsupported_certificate" -> say.make(DiagnosisCode.MISSING_CLIENT_AUTH_EKU,
                        Message.of("diagnose.clientEku.summary", subject),
                        withNote(Message.of("diagnose.clientEku.cause", alertText, late), note),
                        Message.of("diagnose.clientEku.fix"));
                default -> issuerListed ? refusedLooksValid(seen, say, leaf, fault, alertText, late, note)
                        : say.make(DiagnosisCode.UNKNOWN_CA,
                                Message.of("diagnose.clientUnknownCa.summary", issuer),
                                withNote(Message.of("diagnose.clientUnknownCa.cause", issuer, alertText, late), note),
                                ref != null && !ref.equals(issuer) ? Message.of("diagnose.clientUnknownCa.fix.ref", issuer, ref)
                                        : Message.of("diagnose.clientUnknownCa.fix", issuer));
            };
        }
        switch (fault.kind()) {
            case EXPIRED:
                return say.make(DiagnosisCode.EXPIRED,
                        Message.of("diagnose.clientExpired.summary", subject),
                        Message.of("diagnose.clientExpired.cause", leaf.getNotAfter().toInstant().toString(), alertText, late),
                        ref != null ? Message.of("diagnose.clientExpired.fix.ref", ref) : Message.of("diagnose.clientExpired.fix"));
            case NOT_YET_VALID:
                return say.make(DiagnosisCode.NOT_YET_VALID,
                        Message.of("diagnose.clientNotYetValid.summary", subject),
                        Message.of("diagnose.clientNotYetValid.cause", leaf.getNotBefore().toInstant().toString(), alertText,
                                late),
                        Message.of("diagnose.clientNotYetValid.fix"));
            case REVOKED:
                return revoked(say, leaf, fault.certificate(), seen.crls(), ref, alertText, late);
            case EKU:
                return say.make(DiagnosisCode.MISSING_CLIENT_AUTH_EKU,
                        Message.of("diagnose.clientEku.summary", subject),
                        Message.of("diagnose.clientEku.cause", alertText, late),
                        Message.of("diagnose.clientEku.fix"));
            case SELF_SIGNED:
                return say.make(DiagnosisCode.SELF_SIGNED,
                        Message.of("diagnose.clientSelfSigned.summary", subject),
                        Message.of("diagnose.clientSelfSigned.cause", alertText, late),
                        ref != null ? Message.of("diagnose.clientSelfSigned.fix.ref", ref)
                                : Message.of("diagnose.clientSelfSigned.fix"));
            case ROGUE:
                Object workspaceKey = keyId(CertificateFacts.subjectKeyId(seen.referenceCa()));
                return say.make(DiagnosisCode.UNKNOWN_CA,
                        Message.of("diagnose.clientRogueCa.summary", issuer),
                        Message.of("diagnose.clientRogueCa.cause", keyId(CertificateFacts.authorityKeyId(leaf)), workspaceKey,
                                alertText, late),
                        Message.of("diagnose.clientRogueCa.fix", workspaceKey));
            case VALID:
                // Valid up to the workspace CA as far as we can check: a vague refusal names no cause, and
                // guessing one (unknown CA, depth) would send the user to fix the wrong thing. Only an issuer
                // missing from a CA-names list the server did send is evidence of distrust.
                if (!listed || issuerListed) {
                    return refusedLooksValid(seen, say, leaf, fault, alertText, late, "");
                }
                // fall through
            default:
                return say.make(DiagnosisCode.UNKNOWN_CA,
                        Message.of("diagnose.clientUnknownCa.summary", issuer),
                        Message.of("diagnose.clientUnknownCa.cause", issuer, alertText, late),
                        ref != null && !ref.equals(issuer) ? Message.of("diagnose.clientUnknownCa.fix.ref", issuer, ref)
                                : Message.of("diagnose.clientUnknownCa.fix", issuer));
        }
    }

    /** Alerts that name one cause; the others (bad_certificate, certificate_unknown, handshake_failure…) do not. */
    private static final java.util.Set<String> SPECIFIC_ALERTS = java.util.Set.of("unknown_ca", "certificate_expired",
            "certificate_revoked", "unsupported_certificate");

    /** What is wrong with the client chain as far as the caller can tell, first fault first. */
    private enum FaultKind { EXPIRED, NOT_YET_VALID, REVOKED, EKU, SELF_SIGNED, ROGUE, UNTRUSTED, VALID }

    /** @param certificate the certificate at fault (the revoked one may be an intermediate) */
    private record Fault(FaultKind kind, X509Certificate certificate) {

        boolean agreesWith(String alert) {
            return switch (alert) {
                case "certificate_expired" -> kind == FaultKind.EXPIRED;
                case "certificate_revoked" -> kind == FaultKind.REVOKED;
                case "unsupported_certificate" -> kind == FaultKind.EKU;
                // an untrusted, self-signed or look-alike issuer is what unknown_ca says; so is a chain
                // to a CA the server does not list (decided by the caller from the CA names)
                default -> kind == FaultKind.SELF_SIGNED || kind == FaultKind.ROGUE || kind == FaultKind.UNTRUSTED;
            };
        }

        /** The local fact the server's alert did not name, as a secondary note; "" when there is none. */
        Object note(List<java.security.cert.X509CRL> crls) {
            String name = certificate == null ? "" : CertificateFacts.subjectName(certificate);
            return switch (kind) {
                case EXPIRED -> Message.of("diagnose.also.expired", certificate.getNotAfter().toInstant().toString());
                case NOT_YET_VALID -> Message.of("diagnose.also.notYetValid", certificate.getNotBefore().toInstant().toString());
                case REVOKED -> Message.of("diagnose.also.revoked", name,
                        dateSuffix(CertificateFacts.revocationDate(certificate, crls)));
                case EKU -> Message.of("diagnose.also.eku");
                default -> "";
            };
        }
    }

    private static Fault fault(CallObservation seen, X509Certificate leaf) {
        List<X509Certificate> chain = seen.clientChain();
        if (CertificateFacts.expired(leaf, seen.at())) {
            return new Fault(FaultKind.EXPIRED, leaf);
        }
        if (CertificateFacts.notYetValid(leaf, seen.at())) {
            return new Fault(FaultKind.NOT_YET_VALID, leaf);
        }
        // every certificate of the chain: a revoked intermediate invalidates all it issued
        for (X509Certificate certificate : chain) {
            if (CertificateFacts.revoked(certificate, seen.crls())) {
                return new Fault(FaultKind.REVOKED, certificate);
            }
        }
        if (CertificateFacts.lacksClientAuth(leaf)) {
            return new Fault(FaultKind.EKU, leaf);
        }
        if (chain.size() == 1 && Certificates.isSelfSigned(leaf)) {
            return new Fault(FaultKind.SELF_SIGNED, leaf);
        }
        X509Certificate referenceCa = seen.referenceCa();
        if (referenceCa != null && leaf.getIssuerX500Principal().equals(referenceCa.getSubjectX500Principal())
                && !CertificateFacts.chainsTo(chain, List.of(referenceCa))) {
            return new Fault(FaultKind.ROGUE, leaf);
        }
        if (referenceCa != null && CertificateFacts.chainsTo(chain, List.of(referenceCa))) {
            return new Fault(FaultKind.VALID, null);
        }
        return new Fault(FaultKind.UNTRUSTED, leaf);
    }

    /** A revoked certificate in the client chain: the leaf itself, or a CA above it (then every leaf below fails). */
    private static Diagnosis revoked(Refusal say, X509Certificate leaf, X509Certificate revoked,
                                     List<java.security.cert.X509CRL> crls, String ref, Message alertText, Object late) {
        String subject = CertificateFacts.subjectName(leaf);
        Object date = dateSuffix(CertificateFacts.revocationDate(revoked, crls));
        if (revoked.equals(leaf)) {
            return say.make(DiagnosisCode.REVOKED,
                    Message.of("diagnose.clientRevoked.summary", subject, Certificates.serialHex(leaf)),
                    Message.of("diagnose.clientRevoked.cause", date, alertText, late),
                    Message.of("diagnose.clientRevoked.fix"));
        }
        String ca = CertificateFacts.subjectName(revoked);
        return say.make(DiagnosisCode.REVOKED,
                Message.of("diagnose.clientIssuerRevoked.summary", subject, ca, Certificates.serialHex(revoked)),
                Message.of("diagnose.clientIssuerRevoked.cause", ca, date, alertText, late),
                Message.of("diagnose.issuerRevoked.fix", ca, ref == null ? CertificateFacts.issuerName(revoked) : ref));
    }

    /**
     * The server refused a client chain that checks out from here (it reaches the workspace CA, which the
     * server lists or may trust, is in date, allows clientAuth and is on no CRL we know) without saying
     * why: name no cause it did not give, list the likely ones and where the server logs the real one.
     */
    private static Diagnosis refusedLooksValid(CallObservation seen, Refusal say, X509Certificate leaf, Fault fault,
                                               Message alertText, Object late, Object note) {
        String subject = CertificateFacts.subjectName(leaf);
        String ref = CertificateFacts.subjectName(seen.referenceCa());
        List<X509Certificate> intermediates = seen.clientChain().stream().skip(1)
                .filter(c -> !Certificates.isSelfSigned(c)).toList();
        boolean listed = seen.acceptedIssuers() != null && !seen.acceptedIssuers().isEmpty();
        Object causes;
        if (intermediates.isEmpty()) {
            causes = Message.of("diagnose.refusedLooksValid.causes.direct", CertificateFacts.issuerName(leaf));
        } else {
            String names = intermediates.stream().map(CertificateFacts::subjectName).collect(Collectors.joining(", "));
            causes = Message.of("diagnose.refusedLooksValid.causes.intermediate", names, String.valueOf(intermediates.size()));
        }
        return say.make(DiagnosisCode.REFUSED_LOOKS_VALID,
                Message.of("diagnose.refusedLooksValid.summary", subject),
                withNote(Message.of(listed ? "diagnose.refusedLooksValid.cause.listed" : "diagnose.refusedLooksValid.cause.unlisted",
                        ref, alertText, late, causes), note),
                Message.of("diagnose.refusedLooksValid.fix"));
    }

    /** A cause followed by a secondary fact (empty when there is none). */
    private static Message withNote(Message cause, Object note) {
        return "".equals(note) ? cause : Message.of("diagnose.withNote", cause, note);
    }

    /** A functional shape for the refusal texts, so one branch list serves TLS alerts and HTTP refusals. */
    @FunctionalInterface
    private interface Refusal {
        Diagnosis make(DiagnosisCode code, Message summary, Message cause, Message fix);
    }

    private static Object keyId(String hex) {
        return hex == null ? Message.of("diagnose.noKeyId") : hex;
    }

    private static Message protocolVersionFix(List<String> offered) {
        boolean modern12 = offered.contains("TLSv1.2");
        boolean modern13 = offered.contains("TLSv1.3");
        if (modern12 && modern13) {
            return Message.of("diagnose.protocolVersion.fix.obsoleteServer");
        }
        if (modern12) {
            return Message.of("diagnose.protocolVersion.fix.add13");
        }
        if (modern13) {
            return Message.of("diagnose.protocolVersion.fix.add12");
        }
        return Message.of("diagnose.protocolVersion.fix.modern");
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
        if (status == 403 && body.contains(POST_HANDSHAKE_REFUSAL)) {
            return make(DiagnosisCode.POST_HANDSHAKE_AUTH, Side.SERVER, seen,
                    Message.of("diagnose.postHandshake.summary"),
                    Message.of("diagnose.postHandshake.cause", POST_HANDSHAKE_REFUSAL),
                    Message.of("diagnose.postHandshake.fix"));
        }
        boolean sent = seen.clientCertificateSent();
        Object said = body.isEmpty() ? "" : Message.of("diagnose.http.said", excerpt(body));
        if (status == 401 || status == 403) {
            String answer = status == 401 ? "401 Unauthorized" : "403 Forbidden";
            return make(status == 401 ? DiagnosisCode.HTTP_UNAUTHORIZED : DiagnosisCode.HTTP_FORBIDDEN, Side.SERVER, seen,
                    Message.of("diagnose.http.refused.summary", answer),
                    Message.of(sent ? (status == 403 ? "diagnose.http.refused.cause.sent403" : "diagnose.http.refused.cause.sent")
                            : "diagnose.http.refused.cause.notSent", said),
                    Message.of(sent ? "diagnose.http.refused.fix.sent" : "diagnose.http.refused.fix.notSent"));
        }
        return make(DiagnosisCode.HTTP_ERROR, Side.SERVER, seen,
                Message.of("diagnose.http.error.summary", String.valueOf(status)),
                body.isEmpty() ? Message.of("diagnose.http.error.cause") : Message.of("diagnose.http.error.said", excerpt(body)),
                Message.of(status >= 500 ? "diagnose.http.error.fix.5xx" : "diagnose.http.error.fix"));
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
        Message fix = switch (reason) {
            case "hmac-missing" -> Message.of("diagnose.hmac.fix.missing");
            case "hmac-stale" -> Message.of("diagnose.hmac.fix.stale");
            case "hmac-unknown-client" -> Message.of("diagnose.hmac.fix.unknownClient");
            default -> Message.of("diagnose.hmac.fix.wrongSignature");
        };
        return make(DiagnosisCode.HTTP_UNAUTHORIZED, Side.SERVER, seen,
                Message.of("diagnose.hmac.summary", reason),
                Message.of("diagnose.hmac.cause", excerpt(body)),
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

    private static Object offered(CallObservation seen) {
        return seen.offeredProtocols().isEmpty() ? Message.of("diagnose.defaultVersions")
                : String.join(", ", seen.offeredProtocols());
    }

    private static Object dateSuffix(java.util.Date date) {
        return date == null ? "" : Message.of("diagnose.revokedOn", date.toInstant().toString());
    }

    /** A text Java or the peer wrote, shown as it is in every language. */
    private static Message verbatim(String text) {
        return Message.of("diagnose.verbatim", text);
    }

    private static Diagnosis make(DiagnosisCode code, Side side, CallObservation seen, Message summary, Message cause,
                                  Message fix) {
        return new Diagnosis(code, side, summary, cause, fix, rawMessage(seen.error()), ElsewhereMessages.of(code, side));
    }
}
