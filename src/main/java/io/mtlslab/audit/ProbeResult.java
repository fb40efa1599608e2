package io.mtlslab.audit;

import io.mtlslab.text.Message;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One probe of an audit: what was sent, what happened, and the verdict.
 *
 * <p>The words are {@link Message}s rendered when read: {@link #sent()}, {@link #happened()},
 * {@link #verdict()} and {@link #fixes()} speak the current language, so a report card re-rendered after
 * a language switch (the GUI) or written with {@code --lang pt-BR} (the CLI) reads in that language. The
 * verdict's key ({@link #verdictCode()}) is stable and goes into the JSON next to the words.
 *
 * @param id a stable identifier ({@code no-client-certificate}, {@code expired}, …), usable with {@code --probes}
 * @param titleText the probe's or bad server's title
 * @param sentText what the probe presented, in words; {@code null} when nothing is worth saying
 * @param happenedText what the server did: the handshake alert, the HTTP status and the body's first bytes
 * @param severity the finding's severity; {@code null} unless {@code status} is {@link Status#FINDING}
 * @param verdictText one sentence: why this passed, or what the finding means
 * @param fixTexts what to change, keyed by server kind ({@code nginx}, {@code go}, {@code java}, {@code envoy},
 *     {@code node}); empty unless a finding
 */
public record ProbeResult(String id, Message titleText, Status status, Severity severity, Message sentText,
                          Message happenedText, Message verdictText, Map<String, Message> fixTexts) {

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
        fixTexts = fixTexts == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(fixTexts));
    }

    /** A result in finished words (a report read back, a test): each text is shown as it is. */
    public ProbeResult(String id, String title, Status status, Severity severity, String sent, String happened,
                       String verdict, Map<String, String> fixes) {
        this(id, AuditWords.verbatim(title), status, severity, AuditWords.verbatim(sent), AuditWords.verbatim(happened),
                AuditWords.verbatim(verdict), verbatim(fixes));
    }

    /** The title in the current language. */
    public String title() {
        return AuditWords.text(titleText);
    }

    /** What was sent, in the current language; empty when nothing is worth saying. */
    public String sent() {
        return AuditWords.text(sentText);
    }

    /** What happened, in the current language; empty when nothing happened. */
    public String happened() {
        return AuditWords.text(happenedText);
    }

    /** The verdict in the current language. */
    public String verdict() {
        return AuditWords.text(verdictText);
    }

    /** The verdict's stable key ({@code audit.verdict.served}, …), or {@code null} for finished words. */
    public String verdictCode() {
        return verdictText == null || AuditWords.VERBATIM.equals(verdictText.key()) ? null : verdictText.key();
    }

    /** The fixes per server kind, in the current language (the configuration itself stays as written). */
    public Map<String, String> fixes() {
        Map<String, String> fixes = new LinkedHashMap<>();
        fixTexts.forEach((kind, fix) -> fixes.put(kind, AuditWords.text(fix)));
        return Collections.unmodifiableMap(fixes);
    }

    private static Map<String, Message> verbatim(Map<String, String> fixes) {
        Map<String, Message> messages = new LinkedHashMap<>();
        if (fixes != null) {
            fixes.forEach((kind, fix) -> messages.put(kind, AuditWords.verbatim(fix)));
        }
        return messages;
    }

    static ProbeResult passed(Probe probe, Message sent, Message happened, Message verdict) {
        return new ProbeResult(probe.id(), probe.titleText(), Status.PASSED, null, sent, happened, verdict, Map.of());
    }

    static ProbeResult finding(Probe probe, Severity severity, Message sent, Message happened, Message verdict) {
        return new ProbeResult(probe.id(), probe.titleText(), Status.FINDING, severity, sent, happened, verdict,
                probe.fixTexts());
    }

    static ProbeResult notRun(Probe probe, Message why) {
        return new ProbeResult(probe.id(), probe.titleText(), Status.NOT_RUN, null, null, null, why, Map.of());
    }

    static ProbeResult error(Probe probe, Message sent, Message why) {
        return new ProbeResult(probe.id(), probe.titleText(), Status.ERROR, null, sent, null, why, Map.of());
    }
}
