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

    /** 0 when nothing above low was found, 1 otherwise. */
    public int exitStatus() {
        return worst().filter(Severity::failsAudit).isPresent() ? 1 : 0;
    }

    public long count(ProbeResult.Status status) {
        return results.stream().filter(r -> r.status() == status).count();
    }
}
