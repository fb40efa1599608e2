package io.mtlslab.server;

import io.mtlslab.pki.Certificates;
import io.mtlslab.pki.PeerText;
import io.mtlslab.pki.SubjectAltName;
import io.mtlslab.pki.SubjectName;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the echo server extracts from a client certificate: the identity an application behind mTLS
 * would act on (the seed's CN, OU and serial, and everything else an authorizer might look at).
 *
 * @param subject the subject in one line, e.g. {@code C=BR, ST=Estado, ..., OU=CODIGODOCLIENTE, CN=Cliente}
 * @param serialHex the serial as Go's {@code SerialNumber.Text(16)} prints it
 * @param subjectAltNames SANs by type: {@code dns}, {@code ip}, {@code email}, {@code uri}, {@code other}
 * @param emails e-mail addresses from the subject's {@code E=} and from the SANs, without repeats
 */
public record ClientIdentity(String subject, String commonName, List<String> organizationalUnits,
                             String organization, String serialHex, String issuer,
                             Map<String, List<String>> subjectAltNames, List<String> emails, Instant notBefore,
                             Instant notAfter, String sha256Fingerprint) {

    private static final List<String> SAN_TYPES = List.of("dns", "ip", "email", "uri", "other");

    public ClientIdentity {
        organizationalUnits = List.copyOf(organizationalUnits);
        subjectAltNames = Map.copyOf(subjectAltNames);
        emails = List.copyOf(emails);
    }

    public static ClientIdentity of(X509Certificate certificate) {
        SubjectName subject = Certificates.subject(certificate);
        Map<String, List<String>> sans = new LinkedHashMap<>();
        Set<String> emails = new LinkedHashSet<>();
        if (subject.email() != null) {
            emails.add(subject.email());
        }
        try {
            if (certificate.getSubjectAlternativeNames() != null) {
                for (List<?> san : certificate.getSubjectAlternativeNames()) {
                    // the kinds and their words come from the one SAN model; the rest is "other"
                    SubjectAltName known = SubjectAltName.of((Integer) san.get(0), san.get(1));
                    String type = known == null ? "other" : known.kind().prefix();
                    String value = known == null ? String.valueOf(san.get(1)) : known.value();
                    sans.computeIfAbsent(type, t -> new ArrayList<>()).add(value);
                    if (type.equals("email")) {
                        emails.add(value);
                    }
                }
            }
        } catch (CertificateParsingException e) {
            sans.computeIfAbsent("other", t -> new ArrayList<>()).add("unreadable: " + e.getMessage());
        }
        return new ClientIdentity(subject.toString(), subject.commonName(), subject.organizationalUnits(),
                subject.organization(), Certificates.serialHex(certificate), Certificates.issuerLine(certificate),
                sans, List.copyOf(emails), certificate.getNotBefore().toInstant(),
                certificate.getNotAfter().toInstant(), Certificates.sha256Fingerprint(certificate));
    }

    /** The first OU: the seed's "client code". */
    public String organizationalUnit() {
        return organizationalUnits.isEmpty() ? null : organizationalUnits.get(0);
    }

    /**
     * The seed's three lines, as its Go handler writes them, but with control characters in the fields
     * escaped: a CN holding a line break would otherwise forge a {@code Serial Number:} line.
     */
    public String seedText() {
        return seedText(commonName, organizationalUnit(), serialHex);
    }

    static String seedText(String commonName, String organizationalUnit, String serialHex) {
        return "Common Name: " + nullToEmpty(commonName) + "\nOrganization Unit: " + nullToEmpty(organizationalUnit)
                + "\nSerial Number: " + nullToEmpty(serialHex) + "\n";
    }

    /** The JSON object of the echo response's {@code client} field, in a fixed order. */
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("subject", subject);
        json.put("commonName", commonName);
        json.put("organizationalUnits", organizationalUnits);
        json.put("organization", organization);
        json.put("serialHex", serialHex);
        json.put("issuer", issuer);
        Map<String, List<String>> sans = new LinkedHashMap<>();
        for (String type : SAN_TYPES) {
            sans.put(type, subjectAltNames.getOrDefault(type, List.of()));
        }
        json.put("subjectAltNames", sans);
        json.put("emails", emails);
        json.put("notBefore", notBefore.toString());
        json.put("notAfter", notAfter.toString());
        json.put("sha256Fingerprint", sha256Fingerprint);
        return json;
    }

    /**
     * The inverse of {@link #toJson()}, for a response read back; a field the JSON lacks is {@code null}
     * (or empty), and a malformed time is {@code null}.
     */
    public static ClientIdentity fromJson(Map<String, Object> json) {
        Map<String, List<String>> sans = new LinkedHashMap<>();
        if (json.get("subjectAltNames") instanceof Map<?, ?> byType) {
            // toJson lists every type, empty ones too; of() keeps only the types the certificate has
            byType.forEach((type, values) -> {
                if (!EchoResponse.strings(values).isEmpty()) {
                    sans.put(String.valueOf(type), EchoResponse.strings(values));
                }
            });
        }
        return new ClientIdentity(EchoResponse.text(json.get("subject")), EchoResponse.text(json.get("commonName")),
                EchoResponse.strings(json.get("organizationalUnits")), EchoResponse.text(json.get("organization")),
                EchoResponse.text(json.get("serialHex")), EchoResponse.text(json.get("issuer")), sans,
                EchoResponse.strings(json.get("emails")), instant(json.get("notBefore")), instant(json.get("notAfter")),
                EchoResponse.text(json.get("sha256Fingerprint")));
    }

    /** The SANs as {@code type:value}, types in the order the JSON writes them. */
    public List<String> subjectAltNameList() {
        List<String> all = new ArrayList<>();
        for (String type : SAN_TYPES) {
            subjectAltNames.getOrDefault(type, List.of()).forEach(value -> all.add(type + ":" + value));
        }
        return all;
    }

    private static Instant instant(Object value) {
        try {
            return value == null ? null : Instant.parse(String.valueOf(value));
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : PeerText.escape(value);
    }
}
