package io.mtlslab.audit;

import com.fasterxml.jackson.jr.ob.JSON;
import io.mtlslab.pki.PeerText;
import io.mtlslab.text.Texts;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * An audit report as JSON ({@code --json}, and the GUI's export), as JUnit XML ({@code --junit FILE}), so an
 * audit can fail a CI pipeline: one test case per probe, a failure per finding above low, a skip per
 * probe that could not run; and as a self-contained HTML page ({@code --html FILE}, the GUI's export). The
 * words of every format are in the current language; the JSON names it ({@code language}) and keeps the
 * stable codes next to the words.
 */
public final class AuditReports {

    private AuditReports() {
    }

    public static Map<String, Object> toMap(AuditReport report) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("audit", report.kind());
        // Codes (id, status, severity, verdictCode) are stable; the words are in this language.
        root.put("language", Texts.locale().toLanguageTag());
        root.put("target", report.target());
        root.put("at", report.at().toString());
        root.put("worst", report.worst().map(Enum::name).orElse(null));
        root.put("exitStatus", report.exitStatus());
        root.put("cancelled", report.cancelled());
        List<Object> probes = report.results().stream().map(r -> {
            Map<String, Object> probe = new LinkedHashMap<>();
            probe.put("id", r.id());
            probe.put("title", title(report.kind(), r));
            probe.put("status", r.status().name());
            probe.put("severity", r.severity() == null ? null : r.severity().name());
            probe.put("sent", r.sent());
            probe.put("happened", r.happened());
            probe.put("verdictCode", r.verdictCode());
            probe.put("verdict", r.verdict());
            probe.put("fixes", new LinkedHashMap<>(r.fixes()));
            return (Object) probe;
        }).toList();
        root.put("probes", probes);
        return root;
    }

    /** The report as the pretty-printed JSON {@code --json} prints, ending in a newline. */
    public static String json(AuditReport report) {
        try {
            return JSON.std.with(JSON.Feature.PRETTY_PRINT_OUTPUT, JSON.Feature.WRITE_NULL_PROPERTIES)
                    .asString(toMap(report)) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the JSON report", e);
        }
    }

    /**
     * The report as one self-contained HTML page (inline styles, no scripts, nothing fetched) in the
     * current language. Findings carry peer-controlled text (the server's answer, certificate names),
     * so every text is HTML-escaped, with control and bidi characters made visible first.
     */
    public static String html(AuditReport report) {
        StringBuilder html = new StringBuilder(8192);
        String title = heading(report);
        html.append("<!DOCTYPE html>\n<html lang=\"").append(Texts.locale().toLanguageTag()).append("\">\n<head>\n")
                .append("<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n")
                .append("<title>").append(escape(title)).append("</title>\n<style>\n").append(STYLE).append("</style>\n")
                .append("</head>\n<body>\n<h1>").append(escape(title)).append("</h1>\n<p class=\"summary\">")
                .append(escape(Texts.text("audit.html.summary", report.results().size(),
                        report.count(ProbeResult.Status.PASSED), report.findings().size(),
                        report.worst().map(s -> Texts.text("audit.severity." + s.name())).orElse("—"),
                        report.count(ProbeResult.Status.NOT_RUN),
                        report.count(ProbeResult.Status.ERROR))))
                .append("<br>").append(escape(Texts.text("audit.html.at", report.at().toString())));
        if (report.cancelled()) {
            html.append("<br><strong>").append(escape(Texts.text("audit.html.cancelled"))).append("</strong>");
        }
        html.append("</p>\n<table>\n<thead><tr><th>").append(escape(Texts.text("audit.html.col.result")))
                .append("</th><th>").append(escape(Texts.text("audit.html.col.probe"))).append("</th><th>")
                .append(escape(Texts.text("audit.html.col.verdict"))).append("</th></tr></thead>\n<tbody>\n");
        for (ProbeResult result : report.results()) {
            html.append("<tr class=\"").append(cssClass(result)).append("\"><td class=\"result\">")
                    .append(escape(label(result))).append("</td><td>").append(escape(title(report.kind(), result)))
                    .append(" <code>").append(escape(result.id())).append("</code></td><td>")
                    .append(escape(result.verdict())).append("</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n");
        for (ProbeResult result : report.results()) {
            if (result.status() == ProbeResult.Status.PASSED && result.sent().isEmpty() && result.happened().isEmpty()) {
                continue;
            }
            html.append("<section class=\"").append(cssClass(result)).append("\">\n<h2>")
                    .append(escape(label(result))).append(" · ").append(escape(title(report.kind(), result))).append(" <code>")
                    .append(escape(result.id())).append("</code></h2>\n<dl>\n");
            term(html, Texts.text("audit.html.sent"), result.sent());
            term(html, Texts.text("audit.html.happened"), result.happened());
            term(html, Texts.text("audit.html.verdict"), result.verdict());
            result.fixes().forEach((kind, fix) -> term(html, Texts.text("audit.html.fix", kind), fix));
            html.append("</dl>\n</section>\n");
        }
        html.append("<p class=\"footer\">mTLS Lab</p>\n</body>\n</html>\n");
        return html.toString();
    }

    /** "Server audit of URL" / "Client audit (URL)" in the current language. */
    public static String heading(AuditReport report) {
        return Texts.text("audit.html.title." + report.kind(), report.target());
    }

    /**
     * The title of a probe (server audit) or bad server (client audit) in the current language, from
     * its stable id, so a report re-renders when the language changes; the recorded title otherwise.
     */
    public static String title(String kind, ProbeResult result) {
        if ("server".equals(kind)) {
            Probe probe = Probe.byId(result.id());
            if (probe != null) {
                return probe.title();
            }
        } else if ("client".equals(kind)) {
            for (BadServer server : BadServer.values()) {
                if (server.id().equals(result.id())) {
                    return server.title();
                }
            }
        }
        return result.title();
    }

    /** The result's label: the finding's severity, or ok / not run / error, in the current language. */
    public static String label(ProbeResult result) {
        return result.status() == ProbeResult.Status.FINDING
                ? Texts.text("audit.severity." + result.severity().name())
                : Texts.text("audit.status." + result.status().name());
    }

    /** The style class of a result: {@code finding-critical} … {@code finding-info}, {@code passed}, {@code not-run}, {@code error}. */
    public static String cssClass(ProbeResult result) {
        return switch (result.status()) {
            case FINDING -> "finding-" + result.severity().name().toLowerCase(java.util.Locale.ROOT);
            case PASSED -> "passed";
            case NOT_RUN -> "not-run";
            case ERROR -> "error";
        };
    }

    private static void term(StringBuilder html, String term, String value) {
        if (value == null || value.isEmpty()) {
            return;
        }
        html.append("<dt>").append(escape(term)).append("</dt><dd>").append(escape(value)).append("</dd>\n");
    }

    /** Peer text made visible (control and bidi characters), then HTML-escaped. */
    static String escape(String text) {
        String visible = PeerText.escape(text == null ? "" : text);
        StringBuilder out = new StringBuilder(visible.length() + 16);
        for (int i = 0; i < visible.length(); i++) {
            char c = visible.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static final String STYLE = """
            body { font-family: system-ui, sans-serif; margin: 2em; color: #1c2430; background: #fff; max-width: 70em; }
            h1 { font-size: 1.5em; } h2 { font-size: 1.1em; margin: 0 0 .4em; }
            table { border-collapse: collapse; width: 100%; margin: 1em 0 2em; }
            th, td { text-align: left; vertical-align: top; padding: .35em .6em; border-bottom: 1px solid #d5dce5; }
            td.result { font-weight: bold; white-space: nowrap; }
            code { background: #eef2f7; padding: 0 .25em; overflow-wrap: anywhere; }
            section { border-left: .35em solid #d5dce5; padding: .5em 1em; margin: 1em 0; background: #f8fafc; }
            dt { font-weight: bold; margin-top: .4em; } dd { margin: 0 0 0 1.5em; white-space: pre-wrap; overflow-wrap: anywhere; }
            .finding-critical td.result, section.finding-critical h2 { color: #fff; background: #8f1d14; }
            section.finding-critical { border-color: #8f1d14; }
            .finding-high td.result, section.finding-high h2 { color: #b42318; } section.finding-high { border-color: #b42318; }
            .finding-medium td.result, section.finding-medium h2 { color: #9a5b00; } section.finding-medium { border-color: #9a5b00; }
            .finding-low td.result, section.finding-low h2 { color: #5b6675; }
            .passed td.result { color: #1a7f37; }
            .not-run td.result, .error td.result { color: #5b6675; font-style: italic; }
            .footer { color: #5b6675; font-size: .9em; }
            """;

    public static String junitXml(AuditReport report) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuite");
            xml.writeAttribute("name", "mtls-lab audit " + report.kind() + " " + report.target());
            xml.writeAttribute("tests", String.valueOf(report.results().size()));
            xml.writeAttribute("failures", String.valueOf(report.findings().stream()
                    .filter(f -> f.severity().failsAudit()).count()));
            xml.writeAttribute("errors", String.valueOf(report.count(ProbeResult.Status.ERROR)));
            xml.writeAttribute("skipped", String.valueOf(report.count(ProbeResult.Status.NOT_RUN)));
            xml.writeAttribute("timestamp", report.at().toString());
            for (ProbeResult result : report.results()) {
                xml.writeCharacters("\n  ");
                xml.writeStartElement("testcase");
                xml.writeAttribute("classname", "mtls-lab.audit." + report.kind());
                xml.writeAttribute("name", result.id() + ": " + result.title());
                switch (result.status()) {
                    case FINDING -> {
                        xml.writeStartElement(result.severity().failsAudit() ? "failure" : "system-out");
                        if (result.severity().failsAudit()) {
                            xml.writeAttribute("type", result.severity().name());
                            xml.writeAttribute("message", result.verdict());
                        }
                        xml.writeCharacters(details(result));
                        xml.writeEndElement();
                    }
                    case NOT_RUN -> {
                        xml.writeStartElement("skipped");
                        xml.writeAttribute("message", result.verdict());
                        xml.writeEndElement();
                    }
                    case ERROR -> {
                        xml.writeStartElement("error");
                        xml.writeAttribute("message", result.verdict());
                        xml.writeEndElement();
                    }
                    case PASSED -> {
                        xml.writeStartElement("system-out");
                        xml.writeCharacters(details(result));
                        xml.writeEndElement();
                    }
                }
                xml.writeEndElement();
            }
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the JUnit report", e);
        }
        return out + "\n";
    }

    private static String details(ProbeResult result) {
        StringBuilder text = new StringBuilder(Texts.text("audit.html.sent")).append(": ").append(result.sent())
                .append('\n').append(Texts.text("audit.html.happened")).append(": ").append(result.happened())
                .append('\n').append(Texts.text("audit.html.verdict")).append(": ").append(result.verdict());
        result.fixes().forEach((kind, fix) -> text.append('\n').append(Texts.text("audit.html.fix", kind)).append(": ")
                .append(fix));
        return text.toString();
    }
}
