package io.mtlslab.pki.inspect;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;

/** Renders distinguished names the way OpenSSL's one-line form does, with the e-mail as {@code E=}. */
final class DistinguishedNames {

    private static final Map<ASN1ObjectIdentifier, String> SHORT_NAMES = Map.ofEntries(
            Map.entry(BCStyle.C, "C"), Map.entry(BCStyle.ST, "ST"), Map.entry(BCStyle.L, "L"),
            Map.entry(BCStyle.O, "O"), Map.entry(BCStyle.OU, "OU"), Map.entry(BCStyle.CN, "CN"),
            Map.entry(BCStyle.EmailAddress, "E"), Map.entry(BCStyle.SERIALNUMBER, "serialNumber"),
            Map.entry(BCStyle.DC, "DC"), Map.entry(BCStyle.UID, "UID"), Map.entry(BCStyle.STREET, "street"),
            Map.entry(BCStyle.T, "title"), Map.entry(BCStyle.GIVENNAME, "GN"), Map.entry(BCStyle.SURNAME, "SN"),
            Map.entry(BCStyle.POSTAL_CODE, "postalCode"), Map.entry(BCStyle.ORGANIZATION_IDENTIFIER,
                    "organizationIdentifier"));

    private DistinguishedNames() {
    }

    static List<NameAttribute> attributes(X500Name name) {
        List<NameAttribute> attributes = new ArrayList<>();
        for (RDN rdn : name.getRDNs()) {
            for (AttributeTypeAndValue value : rdn.getTypesAndValues()) {
                ASN1ObjectIdentifier oid = value.getType();
                attributes.add(new NameAttribute(SHORT_NAMES.getOrDefault(oid, oid.getId()), oid.getId(),
                        IETFUtils.valueToString(value.getValue())));
            }
        }
        return attributes;
    }

    static String oneLine(X500Name name) {
        return oneLine(attributes(name));
    }

    static String oneLine(List<NameAttribute> attributes) {
        return String.join(", ", attributes.stream().map(a -> a.type() + "=" + a.value()).toList());
    }
}
