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
    private String caUnavailable;
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
                caUnavailable = "the workspace has no CA key (ca.key)";
            }
        } catch (PkiException e) {
            caUnavailable = "the CA key cannot be read: " + e.getMessage();
        }
        valid = call(client, List.of());
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
                result = run(probe);
            } catch (RuntimeException e) {
                result = ProbeResult.error(probe, "", "the probe could not run: " + e.getMessage());
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
            case NO_CLIENT_CERTIFICATE -> mustRefuse(probe, null, List.of(), "no client certificate", Severity.CRITICAL);
            case SELF_SIGNED_COPY -> mustRefuse(probe, selfSignedCopy(), List.of(),
                    "a self-signed certificate with the valid client's subject and SANs", Severity.CRITICAL);
            case LOOK_ALIKE_CA -> mustRefuse(probe, fromRogueCa(caSubject()), List.of(),
                    "the valid client's subject, signed by a CA named like the workspace CA (another key)", Severity.CRITICAL);
            case UNTRUSTED_CA -> mustRefuse(probe, fromRogueCa(new X500NameBuilder(BCStyle.INSTANCE)
                    .addRDN(BCStyle.CN, "mTLS Lab audit untrusted CA").build()), List.of(),
                    "the valid client's subject, signed by an unrelated CA", Severity.CRITICAL);
            case EXPIRED -> withCaKey(probe, () -> mustRefuse(probe, fromCa().validity(Instant.now().minus(Duration.ofDays(30)),
                    Instant.now().minus(Duration.ofDays(1))).build(), List.of(),
                    "a client certificate from the workspace CA that expired yesterday", Severity.HIGH));
            case NOT_YET_VALID -> withCaKey(probe, () -> mustRefuse(probe, fromCa().validity(Instant.now().plus(Duration.ofDays(1)),
                    Instant.now().plus(Duration.ofDays(30))).build(), List.of(),
                    "a client certificate from the workspace CA valid from tomorrow", Severity.HIGH));
            case SERVER_CERTIFICATE_AS_CLIENT -> withCaKey(probe, () -> mustRefuse(probe,
                    fromCa().purpose(KeyPurposeId.id_kp_serverAuth).build(), List.of(),
                    "a certificate from the workspace CA with EKU serverAuth only", Severity.HIGH));
            case CA_AS_CLIENT -> withCaKey(probe, () -> mustRefuse(probe, fromCa().ca(true).purpose(null).build(), List.of(),
                    "a CA certificate (basicConstraints CA:TRUE, no EKU) from the workspace CA", Severity.LOW));
            case LEAF_AS_CA -> withCaKey(probe, () -> mustRefuse(probe, ProbeCertificate.subject(subject("mtls-lab audit"
                    + " minted identity")).issuer(fromCa().build()).build(), List.of(),
                    "a client certificate signed by another (valid) client certificate", Severity.CRITICAL));
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
        String sent = "the valid client " + subjectOf(client.certificate());
        if (!valid.report().completed() && !asked.serverAsked()) {
            return ProbeResult.error(probe, sent, "the handshake did not get far enough to see: " + reason(valid));
        }
        if (!asked.serverAsked()) {
            return ProbeResult.finding(probe, Severity.HIGH, sent, "the server never asked for a client certificate",
                    "This server does not do mutual TLS at all: client certificates are not requested.");
        }
        String names = asked.caNamesListed() ? String.join(" | ", asked.acceptedCaNames()) : "(none: any issuer)";
        String happened = "asked for a certificate; CA names: " + names + "; then: " + reason(valid);
        if (!asked.caNamesListed() || asked.acceptedCaNames().isEmpty()) {
            return ProbeResult.finding(probe, Severity.LOW, sent, happened, "The server's CertificateRequest lists no"
                    + " CA names, so clients send whatever certificate they have (and may leak identities meant"
                    + " for other servers).");
        }
        if (!valid.mutuallyAuthenticated()) {
            return ProbeResult.finding(probe, Severity.INFO, sent, happened, "The valid client is not accepted: the"
                    + " probes that use the workspace CA prove nothing until the server trusts ca.pem.");
        }
        return ProbeResult.passed(probe, sent, happened, "The server asks for a client certificate, lists the CAs it"
                + " accepts and accepts the valid client.");
    }

    private ProbeResult legacyTls(Probe probe) {
        if (!HandshakeProbe.available()) {
            return ProbeResult.notRun(probe, "needs BoringSSL (netty-tcnative), which did not load here");
        }
        List<String> accepted = new ArrayList<>();
        StringBuilder happened = new StringBuilder();
        for (String version : List.of("TLSv1", "TLSv1.1")) {
            var outcome = HandshakeProbe.handshake(request.url(), client, List.of(version), null, request.timeout());
            happened.append(version).append(": ").append(outcome.completed() ? "accepted" : "refused ("
                    + PeerText.escape(outcome.failure()) + ")").append("; ");
            if (outcome.completed()) {
                accepted.add(version);
            }
        }
        String sent = "handshakes offering only TLS 1.0, then only TLS 1.1";
        return accepted.isEmpty() ? ProbeResult.passed(probe, sent, happened.toString().strip(), "Only TLS 1.2+ is accepted.")
                : ProbeResult.finding(probe, Severity.MEDIUM, sent, happened.toString().strip(),
                        "The server still speaks " + String.join(" and ", accepted) + ", deprecated by RFC 8996.");
    }

    private ProbeResult forwardSecrecy(Probe probe) {
        if (!HandshakeProbe.available()) {
            return ProbeResult.notRun(probe, "needs BoringSSL (netty-tcnative), which did not load here");
        }
        List<String> suites = List.of("TLS_RSA_WITH_AES_128_GCM_SHA256", "TLS_RSA_WITH_AES_256_GCM_SHA384",
                "TLS_RSA_WITH_AES_128_CBC_SHA", "TLS_RSA_WITH_AES_256_CBC_SHA");
        var outcome = HandshakeProbe.handshake(request.url(), client, List.of("TLSv1.2"), suites, request.timeout());
        String sent = "a TLS 1.2 handshake offering only RSA key exchange (" + String.join(", ", suites) + ")";
        return outcome.completed()
                ? ProbeResult.finding(probe, Severity.LOW, sent, "accepted with " + outcome.cipherSuite(),
                        "Without forward secrecy, whoever gets the server's key later can decrypt recorded traffic.")
                : ProbeResult.passed(probe, sent, "refused (" + PeerText.escape(outcome.failure()) + ")",
                        "Every suite the server accepts has forward secrecy.");
    }

    private ProbeResult serverCertificate(Probe probe) {
        var chain = valid.report().serverChain();
        if (chain.isEmpty()) {
            return ProbeResult.error(probe, "", "no server certificate was seen: " + reason(valid));
        }
        List<String> problems = new ArrayList<>();
        var leaf = chain.get(0);
        if (!io.mtlslab.pki.ExtendedKeyUsage.SERVER_AUTH.allowsNames(leaf.extendedKeyUsages())) {
            problems.add("its EKU lacks serverAuth (" + String.join(", ", leaf.extendedKeyUsages()) + ")");
        }
        var server = valid.peers().serverAsSeenByClient();
        if (server != null && Boolean.FALSE.equals(server.hostnameMatch())) {
            problems.add("its SANs (" + String.join(", ", leaf.subjectAltNames()) + ") do not cover " + request.url().getHost());
        }
        if (!valid.report().serverTrusted()) {
            problems.add("it does not chain to the workspace CA as sent (" + reason(valid) + ")");
        }
        String happened = "presented " + leaf.subject() + " issued by " + leaf.issuer() + ", " + chain.size()
                + " certificate(s)";
        return problems.isEmpty() ? ProbeResult.passed(probe, "", happened, "The chain is complete, for TLS servers"
                + " and valid for " + request.url().getHost() + ".")
                : ProbeResult.finding(probe, Severity.LOW, "", happened, "The server's certificate: "
                        + String.join("; ", problems) + ". Clients that verify properly refuse it.");
    }

    // ---- what a correct server refuses

    /** One call with {@code identity} (or none); a finding when the server serves it. */
    private ProbeResult mustRefuse(Probe probe, Credential identity, List<String[]> headers, String sent, Severity severity) {
        CallResult result = call(identity, headers);
        String happened = happened(result);
        if (result.outcome().answered()) {
            String same = sameAsValid(result) ? " — the same answer as the valid client's" : "";
            return ProbeResult.finding(probe, severity, sent, happened + same, "The server served a client it must"
                    + " refuse" + (probe == Probe.NO_CLIENT_CERTIFICATE ? ": anyone who can reach it gets in (the"
                    + " authentication bypass)." : "."));
        }
        return ProbeResult.passed(probe, sent, happened, "Refused, as it should be.");
    }

    private ProbeResult revoked(Probe probe) {
        Workspace ws = request.workspace();
        IdentityEntry revokedEntry = ws.identities().stream().filter(IdentityEntry::revoked)
                .filter(e -> java.nio.file.Files.exists(ws.keyFile(e.name()))).findFirst().orElse(null);
        if (revokedEntry == null) {
            return ProbeResult.notRun(probe, "the workspace has no revoked client identity with its key: revoke one"
                    + " (mtls-lab revoke NAME), give the server the new crl.pem, and run the audit again");
        }
        Credential revoked;
        try {
            revoked = ws.credential(revokedEntry.name(), null);
        } catch (PkiException e) {
            return ProbeResult.notRun(probe, "the revoked identity " + revokedEntry.name() + " cannot be read: " + e.getMessage());
        }
        CallResult result = call(revoked, List.of());
        String sent = "the revoked workspace identity " + revokedEntry.name() + " (serial " + revokedEntry.serialHex() + ")";
        if (result.outcome().answered()) {
            return ProbeResult.finding(probe, Severity.MEDIUM, sent, happened(result), "Revocation is not enforced:"
                    + " the server accepted a certificate the CA revoked. It must be configured to read the CA's CRL"
                    + " (the workspace's crl.pem) and to re-read it when it changes.");
        }
        return ProbeResult.passed(probe, sent, happened(result), "Refused: the server enforces the CRL.");
    }

    private ProbeResult extraCertificates(Probe probe) {
        Credential stranger = ProbeCertificate.subject(subject("mtls-lab audit stranger")).build();
        List<X509Certificate> issuers = new ArrayList<>(client.issuers());
        issuers.add(0, stranger.certificate());
        Credential padded = new Credential(client.certificate(), client.privateKey(), issuers);
        CallResult result = call(padded, List.of());
        String sent = "the valid client's certificate followed by an unrelated self-signed certificate";
        if (!valid.mutuallyAuthenticated()) {
            return ProbeResult.notRun(probe, "the valid client is not accepted, so there is nothing to compare with");
        }
        return result.outcome().answered()
                ? ProbeResult.passed(probe, sent, happened(result), "Accepted: the server judges the leaf and ignores"
                        + " the extra certificate, as it should.")
                : ProbeResult.finding(probe, Severity.LOW, sent, happened(result), "The server refuses a valid client"
                        + " that sends an extra certificate; harmless, but stricter than TLS requires.");
    }

    private ProbeResult missingIntermediate(Probe probe) {
        Credential intermediate = ProbeCertificate.subject(subject("mtls-lab audit intermediate")).issuer(ca).ca(true)
                .purpose(null).build();
        Credential leaf = ProbeCertificate.subject(clientSubject()).issuer(intermediate).build();
        Credential withoutIntermediate = new Credential(leaf.certificate(), leaf.privateKey(), List.of());
        return mustRefuse(probe, withoutIntermediate, List.of(), "a client certificate from an intermediate of the"
                + " workspace CA, sent without that intermediate", Severity.MEDIUM);
    }

    private ProbeResult identityHeaders(Probe probe) {
        String dn = client.certificate().getSubjectX500Principal().getName();
        String pem = URLEncoder.encode(Pem.certificate(client.certificate()), StandardCharsets.UTF_8);
        CallResult plain = call(null, List.of());
        if (!plain.report().completed() || plain.outcome().kind() == CallOutcome.Kind.REFUSED_IN_HANDSHAKE) {
            return ProbeResult.passed(probe, "no certificate, with identity headers", happened(plain),
                    "A caller without a certificate is refused in the handshake, before any header is read.");
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
        String sent = "no certificate, with the valid client's identity in " + IDENTITY_HEADERS.size() + " headers, one at a time";
        return changed.isEmpty()
                ? ProbeResult.passed(probe, sent, "without a header: " + happened(plain) + "; no header changed the answer",
                        "The server does not take identity from request headers.")
                : ProbeResult.finding(probe, Severity.CRITICAL, sent, "without a header: " + happened(plain)
                        + "; with: " + String.join(", ", changed), "The answer changed toward the valid client's when a"
                        + " header claimed its identity: anyone can impersonate any client.");
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
            String sent = "a client certificate whose AIA and CRL URLs point to " + listener.url("/audit/");
            List<String> fetched = listener.requests();
            return fetched.isEmpty()
                    ? ProbeResult.passed(probe, sent, happened(result) + "; nothing was fetched",
                            "The server does not fetch URLs named in client certificates.")
                    : ProbeResult.finding(probe, Severity.MEDIUM, sent, happened(result) + "; fetched: "
                            + PeerText.escape(String.join(" | ", fetched)), "The server fetches URLs a client puts in its"
                            + " certificate: a client can make it connect anywhere (server-side request forgery).");
        } catch (java.io.IOException e) {
            return ProbeResult.notRun(probe, "cannot open a listener on " + local.getHostAddress() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ProbeResult.notRun(probe, "interrupted");
        }
    }

    private ProbeResult oddNames(Probe probe) {
        List<String> names = List.of("\"quoted\" 'name'", "*)(uid=*))(|(uid=*", "${jndi:ldap://127.0.0.1:1/a}",
                "line\r\nX-Injected: yes", "x".repeat(10_240), "Ελληνικά 日本語 العربية");
        List<String> problems = new ArrayList<>();
        List<String> reflected = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (String name : names) {
            // raw UTF8Strings: BouncyCastle's string parsing rightly refuses a CN over 64 characters
            Credential odd = ProbeCertificate.subject(new X500NameBuilder(BCStyle.INSTANCE)
                    .addRDN(BCStyle.CN, new org.bouncycastle.asn1.DERUTF8String(name))
                    .addRDN(BCStyle.OU, new org.bouncycastle.asn1.DERUTF8String(name)).build()).issuer(ca).build();
            CallResult result = call(odd, List.of());
            String label = PeerText.escape(name.length() > 40 ? name.substring(0, 20) + "… (" + name.length() + " chars)" : name);
            seen.add(label + ": " + happened(result));
            if (result.response() != null && result.response().status() >= 500) {
                problems.add(label + " made the server fail with " + result.response().status());
            } else if (result.diagnosis() != null && result.diagnosis().code() == io.mtlslab.diagnose.DiagnosisCode.TIMEOUT) {
                problems.add(label + " made the server hang");
            } else if (result.response() != null && name.length() < 100 && result.response().body().contains(name)) {
                reflected.add(label);
            }
        }
        String sent = "client certificates from the workspace CA whose CN and OU are: quotes, an LDAP filter, a JNDI"
                + " lookup, CR/LF, 10 KB, and non-Latin scripts";
        if (problems.isEmpty() && !reflected.isEmpty()) {
            return ProbeResult.finding(probe, Severity.INFO, sent, String.join("; ", seen), "No failure and no hang;"
                    + " these names come back unchanged in the answer: " + String.join(", ", reflected) + ". Make sure"
                    + " they are treated as data wherever they are logged, templated or looked up.");
        }
        if (problems.isEmpty()) {
            return ProbeResult.passed(probe, sent, String.join("; ", seen), "No failure, no hang, no name reflected.");
        }
        return ProbeResult.finding(probe, Severity.MEDIUM, sent, String.join("; ", seen), String.join("; ", problems)
                + ": a name in a certificate is text an attacker chooses.");
    }

    // ---- helpers

    private ProbeResult withCaKey(Probe probe, java.util.function.Supplier<ProbeResult> body) {
        if (caUnavailable != null) {
            return ProbeResult.notRun(probe, "needs the workspace CA's key: " + caUnavailable);
        }
        if (!valid.mutuallyAuthenticated()) {
            return ProbeResult.notRun(probe, "the server does not accept the valid client (" + reason(valid)
                    + "), so a refusal of a certificate from the workspace CA would prove nothing");
        }
        return body.get();
    }

    private CallResult call(Credential identity, List<String[]> headers) {
        // Like an attacker's client, send the probe's certificate whatever CA names the server lists.
        CallRequest.Builder builder = CallRequest.builder(request.url()).workspace(request.workspace())
                .readTimeout(request.timeout()).connectTimeout(request.timeout()).ignoreCaNames(true);
        if (identity != null) {
            builder.identity(ClientIdentity.inMemory("audit", identity));
        }
        for (String[] header : headers) {
            builder.header(header[0], header[1]);
        }
        return TestCall.run(builder.build());
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
    static String happened(CallResult result) {
        if (result.response() != null) {
            String body = result.response().body().replaceAll("\\s+", " ").strip();
            return "HTTP " + result.response().status() + (body.isEmpty() ? "" : ": "
                    + PeerText.escape(body.length() > 80 ? body.substring(0, 80) + "…" : body));
        }
        return reason(result);
    }

    private static String reason(CallResult result) {
        if (result.diagnosis() == null) {
            return result.response() == null ? "no answer" : "HTTP " + result.response().status();
        }
        String alert = Diagnoser.alertIn(result.diagnosis().rawMessage());
        return result.diagnosis().code() + (alert != null ? " (alert " + alert + ")" : "");
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
