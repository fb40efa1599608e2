package io.mtlslab.pki;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x509.GeneralName;

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

    private static final String FIX = "write a SAN as dns:localhost, ip:127.0.0.1, ip:::1, email:a@example.com or uri:spiffe://example.org/x";

    public SubjectAltName {
        validate(kind, value);
        if (kind == Kind.IP) {
            value = canonicalIp(value);
        }
    }

    public static SubjectAltName dns(String name) {
        return new SubjectAltName(Kind.DNS, name);
    }

    public static SubjectAltName ip(String address) {
        return new SubjectAltName(Kind.IP, address);
    }

    public static SubjectAltName email(String address) {
        return new SubjectAltName(Kind.EMAIL, address);
    }

    public static SubjectAltName uri(String uri) {
        return new SubjectAltName(Kind.URI, uri);
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
                return new SubjectAltName(kind, value);
            }
        }
        throw PkiException.of("san", "sanUnknownKind", prefix);
    }

    public GeneralName toGeneralName() {
        return new GeneralName(kind.tag, value);
    }

    /**
     * Reads a SAN as {@link java.security.cert.X509Certificate#getSubjectAlternativeNames()} gives it
     * (tag and string); returns {@code null} for kinds mTLS Lab does not issue.
     */
    public static SubjectAltName of(int tag, Object value) {
        for (Kind kind : Kind.values()) {
            if (kind.tag == tag) {
                return new SubjectAltName(kind, String.valueOf(value));
            }
        }
        return null;
    }

    /**
     * Reads a SAN from its ASN.1 GeneralName (as found in a CSR); IP addresses are decoded from their
     * octets. Returns {@code null} for kinds mTLS Lab does not issue.
     */
    public static SubjectAltName of(GeneralName name) {
        if (name.getTagNo() == GeneralName.iPAddress) {
            byte[] octets = ASN1OctetString.getInstance(name.getName()).getOctets();
            try {
                return ip(InetAddress.getByAddress(octets).getHostAddress());
            } catch (UnknownHostException e) {
                throw new PkiException("san", "an IP SAN has " + octets.length + " bytes, not 4 or 16",
                        "fix the SAN in the request");
            }
        }
        if (name.getName() instanceof ASN1String text) {
            return of(name.getTagNo(), text.getString());
        }
        return null;
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

    private static String canonicalIp(String value) {
        String text = value.trim();
        boolean v4 = text.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        boolean v6 = text.contains(":") && text.matches("[0-9A-Fa-f:.]+");
        if (v4) {
            for (String octet : text.split("\\.")) {
                if (Integer.parseInt(octet) > 255) {
                    throw PkiException.of("san", "sanIpRange", value);
                }
            }
        }
        if (!v4 && !v6) {
            throw PkiException.of("san", "sanIp", value);
        }
        try {
            // Literal only: the patterns above guarantee no name lookup happens here.
            InetAddress address = InetAddress.getByName(text);
            return v4 && address != null ? text : text.toLowerCase(Locale.ROOT);
        } catch (UnknownHostException e) {
            throw PkiException.because(e, "san", "sanIpLiteral", value);
        }
    }
}
