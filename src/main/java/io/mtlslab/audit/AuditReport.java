package io.mtlslab.audit;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The report card of an audit: every probe's result, in the order they ran. */
public record AuditReport(String kind, String target, Instant at, List<ProbeResult> results, boolean cancelled) {

    public AuditReport {
        results = List.copyOf(results);
    }

    public List<ProbeResult> findings() {
        return results.stream().filter(r -> r.status() == ProbeResult.Status.FINDING).toList();
    }

    /** The worst finding's severity, if any. */
    public Optional<Severity> worst() {
        return findings().stream().map(ProbeResult::severity).min(Enum::compareTo);
    }

    /** Exit status 3: no finding above low, but a probe ended in error or nothing was tested at all. */
    public static final int INCOMPLETE = 3;

    /**
     * 1 when a finding above low was found; otherwise {@link #INCOMPLETE} when a probe ended in error or
     * no probe tested anything (an unreachable server, a client that called nothing: never a CI pass);
     * 0 when the probes that ran found nothing above low.
     */
    public int exitStatus() {
        if (worst().filter(Severity::failsAudit).isPresent()) {
            return 1;
        }
        return incomplete() ? INCOMPLETE : 0;
    }

    /** No failing finding, and a probe ended in error or none passed or found anything. */
    public boolean incomplete() {
        return worst().filter(Severity::failsAudit).isEmpty() && (count(ProbeResult.Status.ERROR) > 0
                || !results.isEmpty() && count(ProbeResult.Status.PASSED) == 0 && findings().isEmpty());
    }

    public long count(ProbeResult.Status status) {
        return results.stream().filter(r -> r.status() == status).count();
    }
}
