package io.mtlslab.pki.inspect;

import java.util.List;

/**
 * One X.509 extension decoded: its name ({@code subjectAltName}, {@code keyUsage}, ... or the OID
 * when mTLS Lab does not know it), whether it is critical, and its values one per line (an unknown
 * extension's value is {@code hex:} followed by the DER bytes).
 */
public record ExtensionDetails(String name, String oid, boolean critical, List<String> values) {

    public ExtensionDetails {
        values = List.copyOf(values);
    }

    /** Whether mTLS Lab decoded it (false: the values are raw hex). */
    public boolean known() {
        return !name.equals(oid);
    }
}
