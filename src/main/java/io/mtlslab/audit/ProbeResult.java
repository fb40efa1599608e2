package io.mtlslab.audit;

import java.util.Map;
import java.util.Objects;

/**
 * One probe of an audit: what was sent, what happened, and the verdict.
 *
 * @param id a stable identifier ({@code no-client-certificate}, {@code expired}, …), usable with {@code --probes}
 * @param sent what the probe presented, in words
 * @param happened what the server did: the handshake alert, the HTTP status and the body's first bytes
 * @param severity the finding's severity; {@code null} unless {@code status} is {@link Status#FINDING}
 * @param verdict one sentence: why this passed, or what the finding means
 * @param fixes what to change, keyed by server kind ({@code nginx}, {@code go}, {@code java}, {@code envoy},
 *     {@code node}); empty unless a finding
 */
public record ProbeResult(String id, String title, Status status, Severity severity, String sent, String happened,
                          String verdict, Map<String, String> fixes) {

    /** How a probe ended. */
    public enum Status {
        /** The server did what a correct mTLS server does. */
        PASSED,
        /** The server did something it should not. */
        FINDING,
        /** The probe needs something this audit does not have (the CA key, a revoked identity, …); the verdict says what. */
        NOT_RUN,
        /** The probe itself failed in a way that says nothing about the server. */
        ERROR
    }

    public ProbeResult {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        sent = sent == null ? "" : sent;
        happened = happened == null ? "" : happened;
        verdict = verdict == null ? "" : verdict;
        fixes = fixes == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fixes));
    }

    static ProbeResult passed(Probe probe, String sent, String happened, String verdict) {
        return new ProbeResult(probe.id(), probe.title(), Status.PASSED, null, sent, happened, verdict, Map.of());
    }

    static ProbeResult finding(Probe probe, Severity severity, String sent, String happened, String verdict) {
        return new ProbeResult(probe.id(), probe.title(), Status.FINDING, severity, sent, happened, verdict, probe.fixes());
    }

    static ProbeResult notRun(Probe probe, String why) {
        return new ProbeResult(probe.id(), probe.title(), Status.NOT_RUN, null, "", "", why, Map.of());
    }

    static ProbeResult error(Probe probe, String sent, String why) {
        return new ProbeResult(probe.id(), probe.title(), Status.ERROR, null, sent, "", why, Map.of());
    }
}
