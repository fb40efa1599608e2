package io.mtlslab.pki;

import io.mtlslab.text.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;

/**
 * A certificate subject: C, ST, L, O, OU (several allowed), CN and the e-mail address attribute.
 *
 * <p>Empty strings count as absent. {@link #toString()} renders the familiar one-line form with the
 * e-mail as {@code E=}, most significant part first ({@code C=BR, ST=Estado, ..., CN=Cliente}).
 */
public record SubjectName(String country, String state, String locality, String organization,
                          List<String> organizationalUnits, String commonName, String email) {

    public SubjectName {
        country = blankToNull(country);
        state = blankToNull(state);
        locality = blankToNull(locality);
        organization = blankToNull(organization);
        organizationalUnits = organizationalUnits == null ? List.of()
                : organizationalUnits.stream().map(SubjectName::blankToNull)
                        .filter(s -> s != null).toList();
        commonName = blankToNull(commonName);
        email = blankToNull(email);
        if (country != null && !country.matches("[A-Za-z]{2}")) {
            throw PkiException.of("c", "country", country);
        }
        if (country != null) {
            country = country.toUpperCase(Locale.ROOT);
        }
    }

    /** A subject with only a common name. */
    public static SubjectName ofCommonName(String commonName) {
        return new SubjectName(null, null, null, null, List.of(), commonName, null);
    }

    /** The seed's subject for a given OU and CN: C=BR, ST=Estado, L=Cidade, O=MinhaEmpresa. */
    public static SubjectName seed(String organizationalUnit, String commonName) {
        return new SubjectName("BR", "Estado", "Cidade", "MinhaEmpresa",
                organizationalUnit == null ? List.of() : List.of(organizationalUnit), commonName, null);
    }

    /** Fails with a message naming the field when the common name is missing. */
    public SubjectName requireCommonName() {
        if (commonName == null) {
            throw PkiException.of("cn", "cnEmpty");
        }
        return this;
    }

    public SubjectName withCommonName(String newCommonName) {
        return new SubjectName(country, state, locality, organization, organizationalUnits, newCommonName, email);
    }

    public SubjectName withEmail(String newEmail) {
        return new SubjectName(country, state, locality, organization, organizationalUnits, commonName, newEmail);
    }

    /** The first OU, the seed's "client code", or {@code null}. */
    public String organizationalUnit() {
        return organizationalUnits.isEmpty() ? null : organizationalUnits.get(0);
    }

    /** The X.500 name, in the order OpenSSL writes it for {@code -subj "/C=../CN=.."}. */
    public X500Name toX500Name() {
        X500NameBuilder builder = new X500NameBuilder(BCStyle.INSTANCE);
        addIfPresent(builder, BCStyle.C, country);
        addIfPresent(builder, BCStyle.ST, state);
        addIfPresent(builder, BCStyle.L, locality);
        addIfPresent(builder, BCStyle.O, organization);
        organizationalUnits.forEach(ou -> builder.addRDN(BCStyle.OU, ou));
        addIfPresent(builder, BCStyle.CN, commonName);
        addIfPresent(builder, BCStyle.EmailAddress, email);
        return builder.build();
    }

    /**
     * Fails naming the field when a value is longer than RFC 5280's upper bound (CN, O, OU 64; L, ST
     * 128; e-mail 255 characters) or holds a control character or bidi override, which would let a
     * subject forge log lines or read differently from what it is. Letters of every script are fine.
     */
    public SubjectName checkForIssuing() {
        check("c", country, 2);
        check("st", state, 128);
        check("l", locality, 128);
        check("o", organization, 64);
        organizationalUnits.forEach(ou -> check("ou", ou, 64));
        check("cn", commonName, 64);
        check("email", email, 255);
        return this;
    }

    /**
     * Fails naming the attribute when any text attribute of an ASN.1 name, also those mTLS Lab does not
     * model (title, DC, UID …), holds a control character or bidi override: the name is kept as it is
     * and shown in lists and logs.
     */
    static void checkEveryAttribute(X500Name name) {
        for (RDN rdn : name.getRDNs()) {
            for (AttributeTypeAndValue attribute : rdn.getTypesAndValues()) {
                String value = text(attribute.getValue());
                if (PeerText.hasUnsafe(value)) {
                    throw PkiException.of("subject", "controlCharacter",
                            Message.of("pkierror.part.attribute", attributeName(attribute.getType())),
                            PeerText.describeFirstUnsafe(value));
                }
            }
        }
    }

    /**
     * An ASN.1 name in one line as it is: every attribute in encoding order, a multi-valued RDN joined
     * with {@code +} ({@code O=Org, CN=host+UID=u1}), values escaped as RFC 4514 does.
     */
    public static String oneLine(X500Name name) {
        List<String> parts = new ArrayList<>();
        for (RDN rdn : name.getRDNs()) {
            List<String> values = new ArrayList<>();
            for (AttributeTypeAndValue attribute : rdn.getTypesAndValues()) {
                values.add(attributeName(attribute.getType()) + "=" + IETFUtils.valueToString(attribute.getValue()));
            }
            parts.add(String.join("+", values));
        }
        return String.join(", ", parts);
    }

    /** The short name OpenSSL's one-line form uses for an attribute type ({@code CN}, {@code E}, {@code title}), or its OID. */
    public static String attributeName(ASN1ObjectIdentifier type) {
        return SHORT_NAMES.getOrDefault(type, type.getId());
    }

    private static final Map<ASN1ObjectIdentifier, String> SHORT_NAMES = Map.ofEntries(
            Map.entry(BCStyle.C, "C"), Map.entry(BCStyle.ST, "ST"), Map.entry(BCStyle.L, "L"),
            Map.entry(BCStyle.O, "O"), Map.entry(BCStyle.OU, "OU"), Map.entry(BCStyle.CN, "CN"),
            Map.entry(BCStyle.EmailAddress, "E"), Map.entry(BCStyle.SERIALNUMBER, "serialNumber"),
            Map.entry(BCStyle.DC, "DC"), Map.entry(BCStyle.UID, "UID"), Map.entry(BCStyle.STREET, "street"),
            Map.entry(BCStyle.T, "title"), Map.entry(BCStyle.GIVENNAME, "GN"), Map.entry(BCStyle.SURNAME, "SN"),
            Map.entry(BCStyle.POSTAL_CODE, "postalCode"), Map.entry(BCStyle.ORGANIZATION_IDENTIFIER,
                    "organizationIdentifier"));

    private static void check(String field, String value, int upperBound) {
        if (value == null) {
            return;
        }
        Message what = Message.of("pkierror.part." + field);
        if (PeerText.hasUnsafe(value)) {
            throw PkiException.of(field, "controlCharacter", what, PeerText.describeFirstUnsafe(value));
        }
        int length = value.codePointCount(0, value.length());
        if (length > upperBound) {
            throw PkiException.of(field, "tooLong", what, String.valueOf(length), String.valueOf(upperBound));
        }
    }

    /** Reads the attributes mTLS Lab knows from an X.500 name; others are ignored. */
    public static SubjectName of(X500Name name) {
        List<String> units = new ArrayList<>();
        for (RDN rdn : name.getRDNs(BCStyle.OU)) {
            units.add(text(valueOf(rdn, BCStyle.OU)));
        }
        return new SubjectName(first(name, BCStyle.C), first(name, BCStyle.ST), first(name, BCStyle.L),
                first(name, BCStyle.O), units, first(name, BCStyle.CN), first(name, BCStyle.EmailAddress));
    }

    /** Parses {@code /C=BR/O=X/CN=Y} (OpenSSL's -subj) or {@code C=BR, O=X, CN=Y}. */
    public static SubjectName parse(String text) {
        String trimmed = text == null ? "" : text.trim();
        if (trimmed.isEmpty()) {
            throw PkiException.of("subject", "subjectEmpty");
        }
        try {
            if (trimmed.startsWith("/")) {
                trimmed = String.join(",", trimmed.substring(1).split("/"));
            }
            // The style knows E= as the e-mail attribute; a text replace would also hit TITLE=, SURNAME=...
            X500Name name = new X500Name(OpensslNames.INSTANCE, trimmed);
            return of(name);
        } catch (IllegalArgumentException e) {
            throw PkiException.because(e, "subject", "subjectUnreadable", text);
        }
    }

    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        addPart(parts, "C", country);
        addPart(parts, "ST", state);
        addPart(parts, "L", locality);
        addPart(parts, "O", organization);
        organizationalUnits.forEach(ou -> addPart(parts, "OU", ou));
        addPart(parts, "CN", commonName);
        addPart(parts, "E", email);
        return String.join(", ", parts);
    }

    private static void addPart(List<String> parts, String key, String value) {
        if (value != null) {
            // Escaped as RFC 4514 does (Silva\, Maria), so the line still splits at its commas.
            parts.add(key + "=" + IETFUtils.valueToString(new DERUTF8String(value)));
        }
    }

    private static void addIfPresent(X500NameBuilder builder, ASN1ObjectIdentifier oid, String value) {
        if (value != null) {
            builder.addRDN(oid, value);
        }
    }

    private static String first(X500Name name, ASN1ObjectIdentifier oid) {
        RDN[] rdns = name.getRDNs(oid);
        return rdns.length == 0 ? null : text(valueOf(rdns[0], oid));
    }

    /**
     * The value of the attribute {@code oid} in an RDN; a multi-valued RDN ({@code CN=host+UID=u1}) holds
     * several attributes, sorted by their encoding, so its first one may be another type.
     */
    private static ASN1Encodable valueOf(RDN rdn, ASN1ObjectIdentifier oid) {
        for (AttributeTypeAndValue value : rdn.getTypesAndValues()) {
            if (value.getType().equals(oid)) {
                return value.getValue();
            }
        }
        return rdn.getFirst().getValue();
    }

    /** The attribute's text as it is, not escaped for a DN string ({@code Silva, Maria}, not {@code Silva\, Maria}). */
    private static String text(ASN1Encodable value) {
        return value instanceof ASN1String string ? string.getString() : IETFUtils.valueToString(value);
    }

    /** BouncyCastle's names plus OpenSSL's long name {@code title} for {@code T}, as {@code -subj} writes it. */
    private static final class OpensslNames extends BCStyle {
        static final OpensslNames INSTANCE = new OpensslNames();

        private OpensslNames() {
            defaultLookUp.put("title", BCStyle.T);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
