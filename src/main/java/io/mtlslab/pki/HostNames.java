package io.mtlslab.pki;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
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
        List<String> names = new ArrayList<>();
        try {
            Collection<List<?>> sans = certificate.getSubjectAlternativeNames();
            if (sans != null) {
                for (List<?> san : sans) {
                    int type = (Integer) san.get(0);
                    if (type == 2) {
                        names.add("dns:" + san.get(1));
                    } else if (type == 7) {
                        names.add("ip:" + san.get(1));
                    }
                }
            }
        } catch (CertificateParsingException e) {
            // an unreadable SAN extension names no host
        }
        return names;
    }

    /** Whether the certificate's SANs cover {@code host}. */
    public static boolean matches(X509Certificate certificate, String host) {
        String wanted = unbracket(host.trim());
        boolean literal = IPAddress.isValid(wanted);
        for (String name : of(certificate)) {
            if (literal && name.startsWith("ip:") && sameAddress(name.substring(3), wanted)) {
                return true;
            }
            if (!literal && name.startsWith("dns:") && dnsMatches(name.substring(4), wanted)) {
                return true;
            }
        }
        return false;
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
