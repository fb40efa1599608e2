package io.mtlslab.pki;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Locale;
import org.bouncycastle.util.IPAddress;

/**
 * Whether a certificate is valid for a host: the one host matcher the lint, the diagnosis and the
 * test call share. RFC 6125 as browsers apply it: an IP literal must equal an IP SAN; a name must
 * equal a DNS SAN or match a single-label {@code *.} wildcard; the CN is never consulted.
 */
public final class HostNames {

    private HostNames() {
    }

    /** Whether {@code host} (brackets allowed around IPv6) is an IP address rather than a name. */
    public static boolean isIpLiteral(String host) {
        String bare = unbracket(host.trim());
        return IPAddress.isValid(bare);
    }

    /** The certificate's DNS and IP SANs, as {@code dns:x} / {@code ip:y}. */
    public static List<String> of(X509Certificate certificate) {
        return SubjectAltName.of(certificate).stream().filter(HostNames::namesHost).map(SubjectAltName::toString)
                .toList();
    }

    /** Whether the certificate's SANs cover {@code host}. */
    public static boolean matches(X509Certificate certificate, String host) {
        String wanted = unbracket(host.trim());
        boolean literal = IPAddress.isValid(wanted);
        for (SubjectAltName name : SubjectAltName.of(certificate)) {
            if (literal && name.kind() == SubjectAltName.Kind.IP && sameAddress(name.value(), wanted)) {
                return true;
            }
            if (!literal && name.kind() == SubjectAltName.Kind.DNS && dnsMatches(name.value(), wanted)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a SAN names a host: a DNS name, or an IP SAN holding one address (not an address with a
     * mask, which only name constraints may carry) — the only SANs TLS clients match a host against.
     */
    public static boolean namesHost(SubjectAltName name) {
        return name.kind() == SubjectAltName.Kind.DNS
                || name.kind() == SubjectAltName.Kind.IP && IPAddress.isValid(name.value());
    }

    private static String unbracket(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    private static boolean sameAddress(String a, String b) {
        try {
            // both are literals, so no name lookup happens
            return InetAddress.getByName(a).equals(InetAddress.getByName(b));
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static boolean dnsMatches(String pattern, String host) {
        String p = pattern.toLowerCase(Locale.ROOT);
        String h = host.toLowerCase(Locale.ROOT);
        if (p.endsWith(".")) {
            p = p.substring(0, p.length() - 1);
        }
        if (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        if (p.startsWith("*.")) {
            int dot = h.indexOf('.');
            return dot > 0 && h.substring(dot + 1).equals(p.substring(2));
        }
        return p.equals(h);
    }
}
