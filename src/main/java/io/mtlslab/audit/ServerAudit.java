package io.mtlslab.audit;

import io.mtlslab.call.CallRequest;
import io.mtlslab.call.CallResult;
import io.mtlslab.call.ClientIdentity;
import io.mtlslab.call.TestCall;
import io.mtlslab.diagnose.CallOutcome;
import io.mtlslab.diagnose.Diagnoser;
import io.mtlslab.pki.Credential;
import io.mtlslab.pki.IdentityEntry;
import io.mtlslab.pki.PeerText;
import io.mtlslab.pki.Pem;
import io.mtlslab.pki.PkiException;
import io.mtlslab.pki.Workspace;
import io.mtlslab.text.Message;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.bouncycastle.asn1.DERIA5String;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;

/**
 * Points mTLS Lab at someone's server: with the workspace's valid client as the reference, it sends
 * what a correct mTLS server must refuse — nothing, forgeries, certificates the CA signed but that are
 * unfit, identities in headers — and reports each probe with what was sent, what happened and the fix.
 *
 * <p>It only ever connects to the URL's host and port; the one listener it opens (for the URL-fetching
 * probe) is bound to the local address that reaches that host.
 */
public final class ServerAudit {

    /** Headers that TLS-terminating proxies set with the client's identity (GitHub Security Lab, 2023). */
    static final List<String> IDENTITY_HEADERS = List.of("X-SSL-Client-S-DN", "X-SSL-Client-DN", "X-SSL-Client-Cert",
            "X-Client-Cert", "X-Client-DN", "X-Forwarded-Client-Cert", "ssl-client-subject-dn", "X-ARR-ClientCert",
            "X-Client-Verify", "X-SSL-Client-Verify");

    private final ServerAuditRequest request;
    private final Consumer<ProbeResult> progress;
    private final BooleanSupplier cancelled;
    private final List<ProbeResult> results = new ArrayList<>();
    private Credential client;
    private Credential ca;
    private Message caUnavailable;
    /** The valid client, going on whatever the server's certificate: every probe is compared with it. */
    private CallResult valid;

    private ServerAudit(ServerAuditRequest request, Consumer<ProbeResult> progress, BooleanSupplier cancelled) {
        this.request = request;
        this.progress = progress == null ? r -> { } : progress;
        this.cancelled = cancelled == null ? () -> false : cancelled;
    }

    /** Runs the probes in order, handing each result to {@code progress} as it comes. */
    public static AuditReport run(ServerAuditRequest request, Consumer<ProbeResult> progress, BooleanSupplier cancelled) {
        return new ServerAudit(request, progress, cancelled).execute();
    }

    private AuditReport execute() {
        Workspace ws = request.workspace();
        client = ws.credential(request.client(), null);
        try {
            ca = ws.credential(Workspace.CA, request.caKeyPassword());
            if (ca.privateKey() == null) {
                caUnavailable = Message.of("audit.why.noCaKey");
            }
        } catch (PkiException e) {
            caUnavailable = Message.of("audit.why.caKeyUnreadable", e.getMessage());
        }
        valid = call(client, List.of());
        // Nothing reached (refused, unknown host, timeout, not TLS): no probe can say anything about the server.
        Message unreachable = valid.outcome().kind() == CallOutcome.Kind.NETWORK
                ? Message.of("audit.error.unreachable", reason(valid)) : null;
        boolean cancelledEarly = false;
        for (Probe probe : Probe.values()) {
            if (!request.probes().contains(probe)) {
                continue;
            }
            if (cancelled.getAsBoolean()) {
                cancelledEarly = true;
                break;
            }
            ProbeResult result;
            try {
                result = unreachable != null ? ProbeResult.error(probe, null, unreachable) : run(probe);
            } catch (RuntimeException e) {
                result = ProbeResult.error(probe, null, Message.of("audit.error.probeFailed", String.valueOf(e.getMessage())));
            }
            results.add(result);
            progress.accept(result);
        }
        return new AuditReport("server", request.url().toString(), Instant.now(), results, cancelledEarly);
    }

    private ProbeResult run(Probe probe) {
        return switch (probe) {
            case ASKS_FOR_CERTIFICATE -> asks(probe);
            case LEGACY_TLS -> legacyTls(probe);
            case NO_FORWARD_SECRECY -> forwardSecrecy(probe);
            case SERVER_CERTIFICATE -> serverCertificate(probe);
            case NO_CLIENT_CERTIFICATE -> mustRefuse(probe, null, List.of(), "audit.sent.noCertificate", Severity.CRITICAL);
            case SELF_SIGNED_COPY -> mustRefuse(probe, selfSignedCopy(), List.of(), "audit.sent.selfSignedCopy",
                    Severity.CRITICAL);
            case LOOK_ALIKE_CA -> mustRefuse(probe, fromRogueCa(caSubject()), List.of(), "audit.sent.lookAlikeCa",
                    Severity.CRITICAL);
            case UNTRUSTED_CA -> mustRefuse(probe, fromRogueCa(new X500NameBuilder(BCStyle.INSTANCE)
                    .addRDN(BCStyle.CN, "mTLS Lab audit untrusted CA").build()), List.of(), "audit.sent.untrustedCa",
                    Severity.CRITICAL);
            case EXPIRED -> withCaKey(probe, () -> mustRefuse(probe, fromCa().validity(Instant.now().minus(Duration.ofDays(30)),
                    Instant.now().minus(Duration.ofDays(1))).build(), List.of(), "audit.sent.expired", Severity.HIGH));
            case NOT_YET_VALID -> withCaKey(probe, () -> mustRefuse(probe, fromCa().validity(Instant.now().plus(Duration.ofDays(1)),
                    Instant.now().plus(Duration.ofDays(30))).build(), List.of(), "audit.sent.notYetValid", Severity.HIGH));
            case SERVER_CERTIFICATE_AS_CLIENT -> withCaKey(probe, () -> mustRefuse(probe,
                    fromCa().purpose(KeyPurposeId.id_kp_serverAuth).build(), List.of(), "audit.sent.serverAuthOnly",
                    Severity.HIGH));
            case CA_AS_CLIENT -> withCaKey(probe, () -> mustRefuse(probe, fromCa().ca(true).purpose(null).build(), List.of(),
                    "audit.sent.caAsClient", Severity.LOW));
            case LEAF_AS_CA -> withCaKey(probe, () -> mustRefuse(probe, ProbeCertificate.subject(subject("mtls-lab audit"
                    + " minted identity")).issuer(fromCa().build()).build(), List.of(), "audit.sent.leafAsCa",
                    Severity.CRITICAL));
            case REVOKED -> revoked(probe);
            case EXTRA_CHAIN_CERTIFICATES -> extraCertificates(probe);
            case MISSING_INTERMEDIATE -> withCaKey(probe, () -> missingIntermediate(probe));
            case IDENTITY_HEADERS -> identityHeaders(probe);
            case FETCHES_URLS -> withCaKey(probe, () -> fetchesUrls(probe));
            case ODD_NAMES -> withCaKey(probe, () -> oddNames(probe));
        };
    }

    // ---- what the server asks and how it speaks TLS

    private ProbeResult asks(Probe probe) {
        var asked = valid.report().askedVsPresented();
        Message sent = Message.of("audit.sent.validClient", subjectOf(client.certificate()));
        if (!valid.report().completed() && !asked.serverAsked()) {
            return ProbeResult.error(probe, sent, Message.of("audit.error.handshakeTooShort", reason(valid)));
        }
        if (!asked.serverAsked()) {
            return ProbeResult.finding(probe, Severity.HIGH, sent, Message.of("audit.happened.neverAsked"),
                    Message.of("audit.verdict.noMutualTls"));
        }
        Object names = asked.caNamesListed() ? String.join(" | ", asked.acceptedCaNames())
                : Message.of("audit.happened.anyIssuer");
        Message happened = Message.of("audit.happened.asked", names, reason(valid));
        if (!asked.caNamesListed() || asked.acceptedCaNames().isEmpty()) {
            return ProbeResult.finding(probe, Severity.LOW, sent, happened, Message.of("audit.verdict.noCaNames"));
        }
        if (!valid.mutuallyAuthenticated()) {
            return ProbeResult.finding(probe, Severity.INFO, sent, happened, Message.of("audit.verdict.validRefused"));
        }
        return ProbeResult.passed(probe, sent, happened, Message.of("audit.verdict.asksPassed"));
    }

    private ProbeResult legacyTls(Probe probe) {
        if (!HandshakeProbe.available()) {
            return ProbeResult.notRun(probe, Message.of("audit.notRun.needsBoringSsl"));
        }
        List<String> accepted = new ArrayList<>();
        List<Message> happened = new ArrayList<>();
        for (String version : List.of("TLSv1", "TLSv1.1")) {
            var outcome = HandshakeProbe.handshake(request.url(), client, List.of(version), null, request.timeout());
            happened.add(outcome.completed() ? Message.of("audit.happened.versionAccepted", version)
                    : Message.of("audit.happened.versionRefused", version, outcome.why()));
            if (outcome.completed()) {
                accepted.add(version);
            }
        }
        Message sent = Message.of("audit.sent.legacyTls");
        return accepted.isEmpty()
                ? ProbeResult.passed(probe, sent, AuditWords.joinedBySemicolons(happened),
                        Message.of("audit.verdict.modernTlsOnly"))
                : ProbeResult.finding(probe, Severity.MEDIUM, sent, AuditWords.joinedBySemicolons(happened),
                        Message.of("audit.verdict.legacyTls", AuditWords.joinedByAnd(accepted)));
    }

    private ProbeResult forwardSecrecy(Probe probe) {
        if (!HandshakeProbe.available()) {
            return ProbeResult.notRun(probe, Message.of("audit.notRun.needsBoringSsl"));
        }
        List<String> suites = List.of("TLS_RSA_WITH_AES_128_GCM_SHA256", "TLS_RSA_WITH_AES_256_GCM_SHA384",
                "TLS_RSA_WITH_AES_128_CBC_SHA", "TLS_RSA_WITH_AES_256_CBC_SHA");
        var outcome = HandshakeProbe.handshake(request.url(), client, List.of("TLSv1.2"), suites, request.timeout());
        Message sent = Message.of("audit.sent.rsaKeyExchange", String.join(", ", suites));
        return outcome.completed()
                ? ProbeResult.finding(probe, Severity.LOW, sent, Message.of("audit.happened.acceptedWith",
                        outcome.cipherSuite()), Message.of("audit.verdict.noForwardSecrecy"))
                : ProbeResult.passed(probe, sent, Message.of("audit.happened.refused", outcome.why()),
                        Message.of("audit.verdict.forwardSecrecy"));
    }

    private ProbeResult serverCertificate(Probe probe) {
        CallResult strict = TestCall.run(builder(client, List.of()).acceptAnyServer(false).build());
        var chain = strict.report().serverChain();
        if (chain.isEmpty()) {
            return ProbeResult.error(probe, null, Message.of("audit.error.noServerCertificate", reason(strict)));
        }
        List<Message> problems = new ArrayList<>();
        var leaf = chain.get(0);
        if (!io.mtlslab.pki.ExtendedKeyUsage.SERVER_AUTH.allowsNames(leaf.extendedKeyUsages())) {
            problems.add(Message.of("audit.problem.noServerAuth", String.join(", ", leaf.extendedKeyUsages())));
        }
        var server = strict.peers().serverAsSeenByClient();
        if (server != null && Boolean.FALSE.equals(server.hostnameMatch())) {
            problems.add(Message.of("audit.problem.sansMiss", String.join(", ", leaf.subjectAltNames()),
                    request.url().getHost()));
        }
        if (!strict.report().serverTrusted()) {
            problems.add(Message.of("audit.problem.notChained", reason(strict)));
        }
        Message happened = Message.of("audit.happened.presented", leaf.subject(), leaf.issuer(), chain.size());
        return problems.isEmpty()
                ? ProbeResult.passed(probe, null, happened, Message.of("audit.verdict.serverCertificateOk",
                        request.url().getHost()))
                : ProbeResult.finding(probe, Severity.LOW, null, happened, Message.of(
                        "audit.verdict.serverCertificateProblems", AuditWords.joinedBySemicolons(problems)));
    }

    // ---- what a correct server refuses

    /** One call with {@code identity} (or none); a finding when the server serves it. */
    private ProbeResult mustRefuse(Probe probe, Credential identity, List<String[]> headers, String sentKey,
                                   Severity severity) {
        CallResult result = call(identity, headers);
        Message sent = Message.of(sentKey);
        Message happened = happened(result);
        Message inconclusive = inconclusive(result);
        if (inconclusive != null) {
            return ProbeResult.error(probe, sent, inconclusive);
        }
        if (result.outcome().answered()) {
            return ProbeResult.finding(probe, severity, sent, sameAsValid(result)
                    ? Message.of("audit.happened.sameAsValid", happened) : happened,
                    Message.of(probe == Probe.NO_CLIENT_CERTIFICATE ? "audit.verdict.servedBypass" : "audit.verdict.served"));
        }
        return ProbeResult.passed(probe, sent, happened, Message.of("audit.verdict.refused"));
    }

    private ProbeResult revoked(Probe probe) {
        Workspace ws = request.workspace();
        IdentityEntry revokedEntry = ws.identities().stream().filter(IdentityEntry::revoked)
                .filter(e -> java.nio.file.Files.exists(ws.keyFile(e.name()))).findFirst().orElse(null);
        if (revokedEntry == null) {
            return ProbeResult.notRun(probe, Message.of("audit.notRun.noRevokedIdentity"));
        }
        Credential revoked;
        try {
            revoked = ws.credential(revokedEntry.name(), null);
        } catch (PkiException e) {
            return ProbeResult.notRun(probe, Message.of("audit.notRun.revokedUnreadable", revokedEntry.name(), e.getMessage()));
        }
        if (!valid.mutuallyAuthenticated()) {
            // a server that refuses the valid client refuses the revoked one too: that says nothing about its CRL
            return ProbeResult.notRun(probe, Message.of("audit.notRun.validNotAccepted", reason(valid)));
        }
        CallResult result = call(revoked, List.of());
        Message sent = Message.of("audit.sent.revoked", revokedEntry.name(), revokedEntry.serialHex());
        Message inconclusive = inconclusive(result);
        if (inconclusive != null) {
            return ProbeResult.error(probe, sent, inconclusive);
        }
        if (result.outcome().answered()) {
            return ProbeResult.finding(probe, Severity.MEDIUM, sent, happened(result),
                    Message.of("audit.verdict.revocationNotEnforced"));
        }
        return ProbeResult.passed(probe, sent, happened(result), Message.of("audit.verdict.revocationEnforced"));
    }

    private ProbeResult extraCertificates(Probe probe) {
        Credential stranger = ProbeCertificate.subject(subject("mtls-lab audit stranger")).build();
        List<X509Certificate> issuers = new ArrayList<>(client.issuers());
        issuers.add(0, stranger.certificate());
        Credential padded = new Credential(client.certificate(), client.privateKey(), issuers);
        CallResult result = call(padded, List.of());
        Message sent = Message.of("audit.sent.extraCertificate");
        if (!valid.mutuallyAuthenticated()) {
            return ProbeResult.notRun(probe, Message.of("audit.notRun.validRefused"));
        }
        Message inconclusive = inconclusive(result);
        if (inconclusive != null) {
            return ProbeResult.error(probe, sent, inconclusive);
        }
        return result.outcome().answered()
                ? ProbeResult.passed(probe, sent, happened(result), Message.of("audit.verdict.extraIgnored"))
                : ProbeResult.finding(probe, Severity.LOW, sent, happened(result), Message.of("audit.verdict.extraRefused"));
    }

    private ProbeResult missingIntermediate(Probe probe) {
        Credential intermediate = ProbeCertificate.subject(subject("mtls-lab audit intermediate")).issuer(ca).ca(true)
                .purpose(null).build();
        Credential leaf = ProbeCertificate.subject(clientSubject()).issuer(intermediate).build();
        Credential withoutIntermediate = new Credential(leaf.certificate(), leaf.privateKey(), List.of());
        return mustRefuse(probe, withoutIntermediate, List.of(), "audit.sent.missingIntermediate", Severity.MEDIUM);
    }

    private ProbeResult identityHeaders(Probe probe) {
        String dn = client.certificate().getSubjectX500Principal().getName();
        String pem = URLEncoder.encode(Pem.certificate(client.certificate()), StandardCharsets.UTF_8);
        CallResult plain = call(null, List.of());
        Message inconclusive = inconclusive(plain);
        if (inconclusive != null) {
            return ProbeResult.error(probe, Message.of("audit.sent.noCertificateWithHeaders"), inconclusive);
        }
        if (!plain.report().completed() || plain.outcome().kind() == CallOutcome.Kind.REFUSED_IN_HANDSHAKE) {
            return ProbeResult.passed(probe, Message.of("audit.sent.noCertificateWithHeaders"), happened(plain),
                    Message.of("audit.verdict.refusedBeforeHeaders"));
        }
        List<String> changed = new ArrayList<>();
        for (String header : IDENTITY_HEADERS) {
            String value = header.toLowerCase(java.util.Locale.ROOT).contains("cert") ? pem
                    : header.toLowerCase(java.util.Locale.ROOT).contains("verify") ? "SUCCESS" : dn;
            CallResult withHeader = call(null, List.<String[]>of(new String[] {header, value}));
            boolean better = withHeader.outcome().answered() && !plain.outcome().answered();
            boolean sameAsValid = sameAsValid(withHeader) && !sameAsValid(plain);
            if (better || sameAsValid) {
                changed.add(header + " → " + withHeader.response().status());
            }
        }
        Message sent = Message.of("audit.sent.identityHeaders", String.valueOf(IDENTITY_HEADERS.size()));
        return changed.isEmpty()
                ? ProbeResult.passed(probe, sent, Message.of("audit.happened.noHeaderChanged", happened(plain)),
                        Message.of("audit.verdict.headersIgnored"))
                : ProbeResult.finding(probe, Severity.CRITICAL, sent, Message.of("audit.happened.headersChanged",
                        happened(plain), String.join(", ", changed)), Message.of("audit.verdict.headersTrusted"));
    }

    private ProbeResult fetchesUrls(Probe probe) {
        InetAddress local = localAddressTowards(request.url().getHost());
        try (FetchListener listener = new FetchListener(local)) {
            String aia = listener.url("/audit/ca-issuers.cer");
            String crl = listener.url("/audit/crl.crl");
            Credential baited = fromCa()
                    .extension(new Extension(Extension.authorityInfoAccess, false, new AuthorityInformationAccess(
                            new AccessDescription(AccessDescription.id_ad_caIssuers,
                                    new GeneralName(GeneralName.uniformResourceIdentifier, new DERIA5String(aia))))
                            .getEncoded()))
                    .extension(new Extension(Extension.cRLDistributionPoints, false, new CRLDistPoint(
                            new DistributionPoint[] {new DistributionPoint(new DistributionPointName(new GeneralNames(
                                    new GeneralName(GeneralName.uniformResourceIdentifier, crl))), null, null)})
                            .getEncoded()))
                    .build();
            CallResult result = call(baited, List.of());
            Thread.sleep(500);   // a fetch may come a moment after the handshake
            Message sent = Message.of("audit.sent.baitedUrls", listener.url("/audit/"));
            List<String> fetched = listener.requests();
            Message inconclusive = inconclusive(result);
            if (fetched.isEmpty() && inconclusive != null) {
                return ProbeResult.error(probe, sent, inconclusive);
            }
            return fetched.isEmpty()
                    ? ProbeResult.passed(probe, sent, Message.of("audit.happened.nothingFetched", happened(result)),
                            Message.of("audit.verdict.noFetch"))
                    : ProbeResult.finding(probe, Severity.MEDIUM, sent, Message.of("audit.happened.fetched",
                            happened(result), PeerText.escape(String.join(" | ", fetched))),
                            Message.of("audit.verdict.fetches"));
        } catch (java.io.IOException e) {
            return ProbeResult.notRun(probe, Message.of("audit.notRun.noListener", local.getHostAddress(),
                    String.valueOf(e.getMessage())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ProbeResult.notRun(probe, Message.of("audit.notRun.interrupted"));
        }
    }

    private ProbeResult oddNames(Probe probe) {
        List<String> names = List.of("\"quoted\" 'name'", "*)(uid=*))(|(uid=*", "${jndi:ldap://127.0.0.1:1/a}",
                "line\r\nX-Injected: yes", "x".repeat(10_240), "Ελληνικά 日本語 العربية");
        List<Message> problems = new ArrayList<>();
        List<Object> reflected = new ArrayList<>();
        List<Message> seen = new ArrayList<>();
        for (String name : names) {
            // raw UTF8Strings: BouncyCastle's string parsing rightly refuses a CN over 64 characters
            Credential odd = ProbeCertificate.subject(new X500NameBuilder(BCStyle.INSTANCE)
                    .addRDN(BCStyle.CN, new org.bouncycastle.asn1.DERUTF8String(name))
                    .addRDN(BCStyle.OU, new org.bouncycastle.asn1.DERUTF8String(name)).build()).issuer(ca).build();
            CallResult result = call(odd, List.of());
            Object label = name.length() > 40
                    ? Message.of("audit.oddName.long", PeerText.escape(name.substring(0, 20)), name.length())
                    : PeerText.escape(name);
            seen.add(Message.of("audit.happened.oddName", label, happened(result)));
            if (result.response() != null && result.response().status() >= 500) {
                problems.add(Message.of("audit.problem.serverError", label, result.response().status()));
            } else if (result.diagnosis() != null && result.diagnosis().code() == io.mtlslab.diagnose.DiagnosisCode.TIMEOUT) {
                problems.add(Message.of("audit.problem.hang", label));
            } else if (result.response() != null && name.length() < 100 && result.response().body().contains(name)) {
                reflected.add(label);
            }
        }
        Message sent = Message.of("audit.sent.oddNames");
        if (problems.isEmpty() && !reflected.isEmpty()) {
            return ProbeResult.finding(probe, Severity.INFO, sent, AuditWords.joinedBySemicolons(seen),
                    Message.of("audit.verdict.namesReflected", AuditWords.joinedByCommas(reflected)));
        }
        if (problems.isEmpty()) {
            return ProbeResult.passed(probe, sent, AuditWords.joinedBySemicolons(seen),
                    Message.of("audit.verdict.oddNamesOk"));
        }
        return ProbeResult.finding(probe, Severity.MEDIUM, sent, AuditWords.joinedBySemicolons(seen),
                Message.of("audit.verdict.oddNamesProblems", AuditWords.joinedBySemicolons(problems)));
    }

    // ---- helpers

    private ProbeResult withCaKey(Probe probe, java.util.function.Supplier<ProbeResult> body) {
        if (caUnavailable != null) {
            return ProbeResult.notRun(probe, Message.of("audit.notRun.needsCaKey", caUnavailable));
        }
        if (!valid.mutuallyAuthenticated()) {
            return ProbeResult.notRun(probe, Message.of("audit.notRun.validNotAccepted", reason(valid)));
        }
        return body.get();
    }

    private CallResult call(Credential identity, List<String[]> headers) {
        return TestCall.run(builder(identity, headers).build());
    }

    /**
     * A probe's call. Like an attacker's client it sends the probe's certificate whatever CA names the
     * server lists, and goes on whatever certificate the server has (a public one, or one from another
     * CA than the workspace's): otherwise our own client would end the handshake before the server ever
     * judged the probe, and that refusal would read as the server's.
     */
    private CallRequest.Builder builder(Credential identity, List<String[]> headers) {
        CallRequest.Builder builder = CallRequest.builder(request.url()).workspace(request.workspace())
                .readTimeout(request.timeout()).connectTimeout(request.timeout()).ignoreCaNames(true)
                .acceptAnyServer(true);
        if (identity != null) {
            builder.identity(ClientIdentity.inMemory("audit", identity));
        }
        for (String[] header : headers) {
            builder.header(header[0], header[1]);
        }
        return builder;
    }

    /**
     * Why a probe's call says nothing about the server's judgement of the client, or {@code null} when
     * it does: the server was not reached, or the handshake ended before the server asked for a client
     * certificate (so whatever ended it was not the probe's certificate).
     */
    private static Message inconclusive(CallResult result) {
        if (result.outcome().kind() == CallOutcome.Kind.NETWORK) {
            return Message.of("audit.error.unreachable", reason(result));
        }
        if (result.outcome().kind() == CallOutcome.Kind.REFUSED_IN_HANDSHAKE
                && !result.report().askedVsPresented().serverAsked()) {
            return Message.of("audit.error.endedBeforeAsked", reason(result));
        }
        return null;
    }

    private boolean sameAsValid(CallResult result) {
        return valid.response() != null && result.response() != null && valid.outcome().answered()
                && result.response().status() == valid.response().status()
                && result.response().body().equals(valid.response().body());
    }

    private ProbeCertificate fromCa() {
        return ProbeCertificate.subject(clientSubject()).issuer(ca).sans(sansOf(client.certificate()));
    }

    private Credential selfSignedCopy() {
        return ProbeCertificate.subject(clientSubject()).sans(sansOf(client.certificate())).build();
    }

    private Credential fromRogueCa(X500Name caName) {
        Credential rogue = ProbeCertificate.subject(caName).ca(true).purpose(null).build();
        return ProbeCertificate.subject(clientSubject()).issuer(rogue).sans(sansOf(client.certificate())).build();
    }

    private X500Name clientSubject() {
        return X500Name.getInstance(client.certificate().getSubjectX500Principal().getEncoded());
    }

    private X500Name caSubject() {
        X509Certificate anchor = request.workspace().caCertificate();
        return X500Name.getInstance(anchor.getSubjectX500Principal().getEncoded());
    }

    private static X500Name subject(String commonName) {
        return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, commonName).build();
    }

    private static GeneralNames sansOf(X509Certificate certificate) {
        try {
            byte[] value = certificate.getExtensionValue(Extension.subjectAlternativeName.getId());
            return value == null ? null : GeneralNames.getInstance(
                    org.bouncycastle.asn1.ASN1OctetString.getInstance(value).getOctets());
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String subjectOf(X509Certificate certificate) {
        return PeerText.escape(certificate.getSubjectX500Principal().getName());
    }

    /** What the server did, in a few words: the alert or status, and the first bytes of the body. */
    static Message happened(CallResult result) {
        if (result.response() != null) {
            String body = result.response().body().replaceAll("\\s+", " ").strip();
            return AuditWords.verbatim("HTTP " + result.response().status() + (body.isEmpty() ? "" : ": "
                    + PeerText.escape(body.length() > 80 ? body.substring(0, 80) + "…" : body)));
        }
        return reason(result);
    }

    /** The diagnosis code and the alert, or the status; "no answer" in the current language. */
    private static Message reason(CallResult result) {
        if (result.diagnosis() == null) {
            return result.response() == null ? Message.of("audit.reason.noAnswer")
                    : AuditWords.verbatim("HTTP " + result.response().status());
        }
        String alert = Diagnoser.alertIn(result.diagnosis().rawMessage());
        return AuditWords.verbatim(result.diagnosis().code() + (alert != null ? " (alert " + alert + ")" : ""));
    }

    private static InetAddress localAddressTowards(String host) {
        try (DatagramSocket probe = new DatagramSocket()) {
            probe.connect(new InetSocketAddress(InetAddress.getByName(host), 9));
            return probe.getLocalAddress();
        } catch (Exception e) {
            return InetAddress.getLoopbackAddress();
        }
    }
}
