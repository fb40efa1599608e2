package io.mtlslab.pki;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.util.IPAddress;

/**
 * One subject alternative name, written by users as {@code dns:localhost}, {@code ip:127.0.0.1},
 * {@code ip:::1}, {@code email:a@b.c} or {@code uri:spiffe://example.org/client}.
 */
public record SubjectAltName(Kind kind, String value) {

    /** The SAN kinds mTLS Lab issues, with the prefix users type and the GeneralName tag. */
    public enum Kind {
        DNS("dns", GeneralName.dNSName),
        IP("ip", GeneralName.iPAddress),
        EMAIL("email", GeneralName.rfc822Name),
        URI("uri", GeneralName.uniformResourceIdentifier);

        private final String prefix;
        private final int tag;

        Kind(String prefix, int tag) {
            this.prefix = prefix;
            this.tag = tag;
        }

        public String prefix() {
            return prefix;
        }

        public int tag() {
            return tag;
        }
    }


    /**
     * Only checks that the parts are there: a SAN read from someone's certificate is shown as it is,
     * odd or not. Names that mTLS Lab will put into a certificate come through {@link #parse} or the
     * factories below, which validate them.
     */
    public SubjectAltName {
        if (kind == null || value == null) {
            throw PkiException.of("san", "sanEmpty");
        }
    }

    private static SubjectAltName checked(Kind kind, String value) {
        validate(kind, value);
        return new SubjectAltName(kind, kind == Kind.IP ? canonicalIp(value) : value);
    }

    public static SubjectAltName dns(String name) {
        return checked(Kind.DNS, name);
    }

    public static SubjectAltName ip(String address) {
        return checked(Kind.IP, address);
    }

    public static SubjectAltName email(String address) {
        return checked(Kind.EMAIL, address);
    }

    public static SubjectAltName uri(String uri) {
        return checked(Kind.URI, uri);
    }

    /** The seed's server names: localhost, 127.0.0.1 and ::1. */
    public static List<SubjectAltName> localhostDefaults() {
        return List.of(dns("localhost"), ip("127.0.0.1"), ip("::1"));
    }

    /** Parses {@code kind:value}. */
    public static SubjectAltName parse(String text) {
        String trimmed = text == null ? "" : text.trim();
        int colon = trimmed.indexOf(':');
        if (colon <= 0) {
            throw PkiException.of("san", "sanNoKind", String.valueOf(text));
        }
        String prefix = trimmed.substring(0, colon).toLowerCase(Locale.ROOT);
        String value = trimmed.substring(colon + 1).trim();
        for (Kind kind : Kind.values()) {
            if (kind.prefix.equals(prefix)) {
                return checked(kind, value);
            }
        }
        throw PkiException.of("san", "sanUnknownKind", prefix);
    }

    public GeneralName toGeneralName() {
        return new GeneralName(kind.tag, value);
    }

    /**
     * Reads a SAN as {@link java.security.cert.X509Certificate#getSubjectAlternativeNames()} gives it
     * (tag and string), as it is; returns {@code null} for kinds mTLS Lab does not issue.
     */
    public static SubjectAltName of(int tag, Object value) {
        for (Kind kind : Kind.values()) {
            if (kind.tag == tag) {
                String text = String.valueOf(value);
                return new SubjectAltName(kind, kind == Kind.IP ? text.toLowerCase(Locale.ROOT) : text);
            }
        }
        return null;
    }

    /**
     * Reads a SAN from its ASN.1 GeneralName (as found in a CSR), validated, since it goes into a
     * certificate mTLS Lab signs; IP addresses are decoded from their octets. Returns {@code null} for
     * kinds mTLS Lab does not issue.
     */
    public static SubjectAltName of(GeneralName name) {
        SubjectAltName read = read(name);
        if (read == null && name.getTagNo() == GeneralName.iPAddress) {
            int length = ASN1OctetString.getInstance(name.getName()).getOctets().length;
            throw PkiException.of("san", "sanIpLength", String.valueOf(length));
        }
        return read == null ? null : checked(read.kind(), read.value());
    }

    /**
     * Reads a SAN from its ASN.1 GeneralName as it is, without judging it (a peer's certificate may hold
     * anything); {@code null} for kinds mTLS Lab does not issue and for IP values that are not 4 or 16 bytes.
     */
    public static SubjectAltName read(GeneralName name) {
        if (name.getTagNo() == GeneralName.iPAddress) {
            byte[] octets = ASN1OctetString.getInstance(name.getName()).getOctets();
            try {
                return octets.length == 4 || octets.length == 16
                        ? new SubjectAltName(Kind.IP, InetAddress.getByAddress(octets).getHostAddress()) : null;
            } catch (UnknownHostException e) {
                return null;
            }
        }
        if (name.getName() instanceof ASN1String text) {
            return of(name.getTagNo(), text.getString());
        }
        return null;
    }

    /** The certificate's SANs of the kinds mTLS Lab knows, in certificate order, as they are. */
    public static List<SubjectAltName> of(X509Certificate certificate) {
        List<SubjectAltName> names = new ArrayList<>();
        try {
            Collection<List<?>> sans = certificate.getSubjectAlternativeNames();
            if (sans != null) {
                for (List<?> san : sans) {
                    SubjectAltName name = of((Integer) san.get(0), san.get(1));
                    if (name != null) {
                        names.add(name);
                    }
                }
            }
        } catch (CertificateParsingException | RuntimeException e) {
            // an unreadable SAN extension names nothing
        }
        return names;
    }

    /** The GeneralName kinds mTLS Lab does not issue, by tag, for messages. */
    private static final java.util.Map<Integer, String> GENERAL_NAME_KINDS = java.util.Map.of(
            GeneralName.otherName, "otherName", GeneralName.x400Address, "x400Address",
            GeneralName.directoryName, "directoryName", GeneralName.ediPartyName, "ediPartyName",
            GeneralName.registeredID, "registeredID");

    /**
     * Every SAN of a certificate mTLS Lab is about to issue again (a renewal), in certificate order;
     * throws when the extension cannot be read or holds kinds mTLS Lab cannot issue (otherName,
     * directoryName …), since the new certificate would silently lose them.
     */
    public static List<SubjectAltName> reissuable(X509Certificate certificate) {
        List<SubjectAltName> names = new ArrayList<>();
        Collection<List<?>> sans;
        try {
            sans = certificate.getSubjectAlternativeNames();
        } catch (CertificateParsingException | RuntimeException e) {
            throw PkiException.because(e, "name", "sanUnreadable", Certificates.subjectLine(certificate));
        }
        for (List<?> san : sans == null ? List.<List<?>>of() : sans) {
            SubjectAltName name = of((Integer) san.get(0), san.get(1));
            if (name == null) {
                throw PkiException.of("name", "sanNotReissuable", Certificates.subjectLine(certificate),
                        GENERAL_NAME_KINDS.getOrDefault((Integer) san.get(0), String.valueOf(san.get(0))));
            }
            names.add(name);
        }
        return names;
    }

    /** How inspect and OpenSSL show it: {@code DNS:localhost}, {@code IP:127.0.0.1}, {@code email:…}, {@code URI:…}. */
    public String display() {
        return switch (kind) {
            case DNS -> "DNS:" + value;
            case IP -> "IP:" + value;
            case EMAIL -> "email:" + value;
            case URI -> "URI:" + value;
        };
    }

    @Override
    public String toString() {
        return kind.prefix + ":" + value;
    }

    private static void validate(Kind kind, String value) {
        if (kind == null || value == null || value.isBlank()) {
            throw PkiException.of("san", "sanEmpty");
        }
        switch (kind) {
            case DNS -> {
                if (!value.matches("(\\*\\.)?[A-Za-z0-9_]([A-Za-z0-9_-]{0,62})(\\.[A-Za-z0-9_]([A-Za-z0-9_-]{0,62}))*\\.?")) {
                    throw PkiException.of("san", "sanDns", value);
                }
            }
            case IP -> canonicalIp(value);
            case EMAIL -> {
                if (!value.matches("[^@\\s]+@[^@\\s]+")) {
                    throw PkiException.of("san", "sanEmail", value);
                }
            }
            case URI -> {
                try {
                    URI uri = new URI(value);
                    if (uri.getScheme() == null) {
                        throw new URISyntaxException(value, "no scheme");
                    }
                } catch (URISyntaxException e) {
                    throw PkiException.of("san", "sanUri", value);
                }
            }
            default -> throw new IllegalStateException(kind.name());
        }
    }

    /** An IP literal checked by BouncyCastle's {@link IPAddress}; IPv6 in lower case. Never looks a name up. */
    private static String canonicalIp(String value) {
        String text = value.trim();
        if (IPAddress.isValidIPv4(text)) {
            for (String part : text.split("\\.")) {
                if (part.length() > 1 && part.startsWith("0")) {
                    // 010 is 10 to Java and BouncyCastle but 8 to inet_aton (curl, ping): refuse the doubt
                    throw PkiException.of("san", "sanIpLeadingZero", value, part);
                }
            }
            return text;
        }
        if (IPAddress.isValidIPv6(text)) {
            return text.toLowerCase(Locale.ROOT);
        }
        if (looksLikeDottedQuad(text)) {
            throw PkiException.of("san", "sanIpRange", value);
        }
        throw PkiException.of("san", "sanIp", value);
    }

    /** Four dot-separated runs of digits: meant as IPv4, so the error can say which part is wrong. */
    private static boolean looksLikeDottedQuad(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String part : parts) {
            if (part.isEmpty() || !part.chars().allMatch(Character::isDigit)) {
                return false;
            }
        }
        return true;
    }
}
