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

    /** Exit status 3: no finding above low, but a probe ended in error, so the audit is incomplete. */
    public static final int INCOMPLETE = 3;

    /**
     * 1 when a finding above low was found; otherwise {@link #INCOMPLETE} when a probe ended in error (an
     * unreachable server must never pass a CI gate); 0 when every probe that ran found nothing above low.
     */
    public int exitStatus() {
        if (worst().filter(Severity::failsAudit).isPresent()) {
            return 1;
        }
        return count(ProbeResult.Status.ERROR) > 0 ? INCOMPLETE : 0;
    }

    public long count(ProbeResult.Status status) {
        return results.stream().filter(r -> r.status() == status).count();
    }
}
