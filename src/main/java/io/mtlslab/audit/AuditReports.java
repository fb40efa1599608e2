package io.mtlslab.audit;

import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * An audit report as JSON-ready maps ({@code --json}) and as JUnit XML ({@code --junit FILE}), so an
 * audit can fail a CI pipeline: one test case per probe, a failure per finding above low, a skip per
 * probe that could not run.
 */
public final class AuditReports {

    private AuditReports() {
    }

    public static Map<String, Object> toMap(AuditReport report) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("audit", report.kind());
        root.put("target", report.target());
        root.put("at", report.at().toString());
        root.put("worst", report.worst().map(Enum::name).orElse(null));
        root.put("exitStatus", report.exitStatus());
        root.put("cancelled", report.cancelled());
        List<Object> probes = report.results().stream().map(r -> {
            Map<String, Object> probe = new LinkedHashMap<>();
            probe.put("id", r.id());
            probe.put("title", r.title());
            probe.put("status", r.status().name());
            probe.put("severity", r.severity() == null ? null : r.severity().name());
            probe.put("sent", r.sent());
            probe.put("happened", r.happened());
            probe.put("verdict", r.verdict());
            probe.put("fixes", new LinkedHashMap<>(r.fixes()));
            return (Object) probe;
        }).toList();
        root.put("probes", probes);
        return root;
    }

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
        StringBuilder text = new StringBuilder("sent: ").append(result.sent()).append("\nhappened: ")
                .append(result.happened()).append("\nverdict: ").append(result.verdict());
        result.fixes().forEach((kind, fix) -> text.append("\nfix (").append(kind).append("): ").append(fix));
        return text.toString();
    }
}
