package io.mtlslab.pki.inspect;

import io.mtlslab.pki.SubjectName;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.IETFUtils;

/** Renders distinguished names the way OpenSSL's one-line form does, with the e-mail as {@code E=}. */
final class DistinguishedNames {

    private DistinguishedNames() {
    }

    static List<NameAttribute> attributes(X500Name name) {
        List<NameAttribute> attributes = new ArrayList<>();
        for (RDN rdn : name.getRDNs()) {
            for (AttributeTypeAndValue value : rdn.getTypesAndValues()) {
                ASN1ObjectIdentifier oid = value.getType();
                attributes.add(new NameAttribute(SubjectName.attributeName(oid), oid.getId(),
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
