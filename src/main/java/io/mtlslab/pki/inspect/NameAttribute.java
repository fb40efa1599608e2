package io.mtlslab.pki.inspect;

/**
 * One attribute of a distinguished name, e.g. {@code CN=Cliente}; the e-mail address attribute is
 * {@code E}, an attribute without a short name shows its OID.
 */
public record NameAttribute(String type, String oid, String value) {
}
