package io.mtlslab.call;

import io.mtlslab.diagnose.CallOutcome;
import io.mtlslab.diagnose.Diagnosis;
import io.mtlslab.text.Texts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A call result as plain maps and lists for JSON ({@code mtls-lab call --json}, the GUI's "copy as
 * JSON"): stable keys, times as ISO-8601, durations in milliseconds. Never any key material.
 *
 * <p>{@code outcome.code} is one of {@code MUTUALLY_AUTHENTICATED}, {@code ANSWERED_WITHOUT_CLIENT_AUTH},
 * {@code REFUSED_IN_HANDSHAKE}, {@code REFUSED_BY_APPLICATION}, {@code HTTP_ERROR}, {@code NETWORK};
 * {@code clientAuthenticated} is the string {@code "true"}, {@code "false"} or {@code "unknown"}. The words
 * (headline, explanation, summary, cause, fix, notes) are in the chosen language, named by {@code language}.
 */
public final class CallResultJson {

    private CallResultJson() {
    }

    public static Map<String, Object> toMap(CallResult result) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("url", result.request().url().toString());
        // Codes are stable; the words (headline, summary, notes, ...) are in this language.
        root.put("language", Texts.locale().toLanguageTag());
        root.put("outcome", outcome(result.outcome()));
        root.put("clientAuthenticated", result.outcome().clientAuthenticated().id());
        root.put("succeeded", result.succeeded());
        root.put("handshake", handshake(result.report()));
        root.put("response", result.response() == null ? null : response(result.response()));
        root.put("peers", peers(result.peers()));
        root.put("diagnosis", result.diagnosis() == null ? null : diagnosis(result.diagnosis()));
        root.put("equivalents", result.equivalents().asMap());
        return root;
    }

    /** The verdict: {@code code} (a {@link CallOutcome.Kind} name), the words shown, and the fixes by stack. */
    public static Map<String, Object> outcome(CallOutcome outcome) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("code", outcome.kind().name());
        map.put("clientAuthenticated", outcome.clientAuthenticated().id());
        map.put("likelyBypass", outcome.likelyBypass());
        map.put("headline", outcome.headline());
        map.put("explanation", outcome.explanation());
        map.put("fixes", new LinkedHashMap<>(outcome.fixes()));
        return map;
    }

    public static Map<String, Object> diagnosis(Diagnosis diagnosis) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("code", diagnosis.code().name());
        map.put("side", diagnosis.side().name());
        map.put("summary", diagnosis.summary());
        map.put("cause", diagnosis.cause());
        map.put("fix", diagnosis.fix());
        map.put("rawMessage", diagnosis.rawMessage());
        map.put("elsewhere", new LinkedHashMap<>(diagnosis.elsewhere()));
        return map;
    }

    private static Map<String, Object> handshake(HandshakeReport report) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("host", report.host());
        map.put("port", report.port());
        map.put("connectedAddress", report.connectedAddress());
        map.put("offeredProtocols", report.offeredProtocols());
        map.put("completed", report.completed());
        map.put("protocol", report.protocol());
        map.put("cipherSuite", report.cipherSuite());
        map.put("alpn", report.alpn());
        map.put("resumed", report.resumed());
        map.put("serverTrusted", report.serverTrusted());
        map.put("serverChain", certificates(report.serverChain()));
        AskedVsPresented asked = report.askedVsPresented();
        Map<String, Object> askedMap = new LinkedHashMap<>();
        askedMap.put("serverAsked", asked.serverAsked());
        askedMap.put("caNamesListed", asked.caNamesListed());
        askedMap.put("acceptedCaNames", asked.acceptedCaNames());
        askedMap.put("keyTypes", asked.keyTypes());
        askedMap.put("chainOnOffer", certificates(asked.chainOnOffer()));
        askedMap.put("sent", asked.sent() == null ? null : certificate(asked.sent()));
        askedMap.put("notSentReason", asked.notSentReason());
        map.put("askedVsPresented", askedMap);
        Map<String, Object> timings = new LinkedHashMap<>();
        timings.put("connectMs", millis(report.timings().connect()));
        timings.put("handshakeMs", millis(report.timings().handshake()));
        timings.put("firstByteMs", millis(report.timings().firstByte()));
        timings.put("totalMs", millis(report.timings().total()));
        map.put("timings", timings);
        map.put("readAfterHandshake", report.readAfterHandshake());
        map.put("rejectedAfterHandshake", report.rejectedAfterHandshake());
        map.put("notes", report.notes());
        return map;
    }

    private static Map<String, Object> response(HttpResponse response) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("status", response.status());
        map.put("reason", response.reason());
        Map<String, Object> headers = new LinkedHashMap<>();
        response.headers().forEach(e -> headers.put(e.getKey(), e.getValue()));
        map.put("headers", headers);
        map.put("body", response.body());
        return map;
    }

    private static Map<String, Object> peers(PeerIdentities peers) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("clientAsSeenByServer", identity(peers.clientAsSeenByServer()));
        map.put("serverAsSeenByClient", identity(peers.serverAsSeenByClient()));
        map.put("notes", peers.notes());
        return map;
    }

    private static Map<String, Object> identity(PeerIdentity identity) {
        if (identity == null) {
            return null;
        }
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("subject", identity.subject());
        map.put("commonName", identity.commonName());
        map.put("organizationalUnits", identity.organizationalUnits());
        map.put("organization", identity.organization());
        map.put("serialHex", identity.serialHex());
        map.put("issuer", identity.issuer());
        map.put("subjectAltNames", identity.subjectAltNames());
        map.put("notBefore", identity.notBefore() == null ? null : identity.notBefore().toString());
        map.put("notAfter", identity.notAfter() == null ? null : identity.notAfter().toString());
        map.put("sha256Fingerprint", identity.sha256Fingerprint());
        map.put("hostnameMatch", identity.hostnameMatch());
        return map;
    }

    private static List<Object> certificates(List<CertificateSummary> certificates) {
        List<Object> list = new ArrayList<>();
        certificates.forEach(c -> list.add(certificate(c)));
        return list;
    }

    private static Map<String, Object> certificate(CertificateSummary certificate) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("subject", certificate.subject());
        map.put("issuer", certificate.issuer());
        map.put("serialHex", certificate.serialHex());
        map.put("notBefore", certificate.notBefore().toString());
        map.put("notAfter", certificate.notAfter().toString());
        map.put("key", certificate.key());
        map.put("subjectAltNames", certificate.subjectAltNames());
        map.put("extendedKeyUsages", certificate.extendedKeyUsages());
        map.put("ca", certificate.ca());
        map.put("selfSigned", certificate.selfSigned());
        map.put("sha256Fingerprint", certificate.sha256Fingerprint());
        return map;
    }

    private static Double millis(Duration duration) {
        return duration == null ? null : duration.toNanos() / 1_000_000.0;
    }
}
