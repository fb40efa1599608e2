package io.mtlslab.pki.inspect;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Enumerated;
import org.bouncycastle.asn1.ASN1IA5String;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.GeneralSubtree;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.NameConstraints;
import org.bouncycastle.asn1.x509.PolicyInformation;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;

/** Decodes X.509 extensions into names and readable values; unknown ones become OID + hex. */
public final class ExtensionDecoder {

    private static final HexFormat COLON_HEX = HexFormat.ofDelimiter(":").withUpperCase();

    private static final Map<ASN1ObjectIdentifier, String> NAMES = Map.ofEntries(
            Map.entry(Extension.basicConstraints, "basicConstraints"),
            Map.entry(Extension.keyUsage, "keyUsage"),
            Map.entry(Extension.extendedKeyUsage, "extendedKeyUsage"),
            Map.entry(Extension.subjectAlternativeName, "subjectAltName"),
            Map.entry(Extension.issuerAlternativeName, "issuerAltName"),
            Map.entry(Extension.subjectKeyIdentifier, "subjectKeyIdentifier"),
            Map.entry(Extension.authorityKeyIdentifier, "authorityKeyIdentifier"),
            Map.entry(Extension.cRLDistributionPoints, "crlDistributionPoints"),
            Map.entry(Extension.authorityInfoAccess, "authorityInfoAccess"),
            Map.entry(Extension.certificatePolicies, "certificatePolicies"),
            Map.entry(Extension.nameConstraints, "nameConstraints"),
            Map.entry(Extension.cRLNumber, "crlNumber"),
            Map.entry(Extension.reasonCode, "reasonCode"),
            Map.entry(Extension.invalidityDate, "invalidityDate"),
            Map.entry(Extension.deltaCRLIndicator, "deltaCrlIndicator"),
            Map.entry(Extension.issuingDistributionPoint, "issuingDistributionPoint"));

    private ExtensionDecoder() {
    }

    /** Every extension, in order; never fails — an undecodable value falls back to hex. */
    public static List<ExtensionDetails> decode(Extensions extensions) {
        List<ExtensionDetails> details = new ArrayList<>();
        if (extensions == null) {
            return details;
        }
        for (ASN1ObjectIdentifier oid : extensions.getExtensionOIDs()) {
            Extension extension = extensions.getExtension(oid);
            String name = NAMES.getOrDefault(oid, oid.getId());
            List<String> values;
            try {
                values = NAMES.containsKey(oid) ? values(oid, extension.getParsedValue()) : hex(extension);
            } catch (RuntimeException e) {
                values = hex(extension);
            }
            details.add(new ExtensionDetails(name, oid.getId(), extension.isCritical(), values));
        }
        return details;
    }

    /** The values of the named extension, or an empty list. */
    static List<String> valuesOf(List<ExtensionDetails> extensions, String name) {
        return extensions.stream().filter(e -> e.name().equals(name)).findFirst().map(ExtensionDetails::values)
                .orElse(List.of());
    }

    private static List<String> values(ASN1ObjectIdentifier oid, ASN1Encodable value) {
        List<String> values = new ArrayList<>();
        if (oid.equals(Extension.basicConstraints)) {
            values.addAll(io.mtlslab.pki.BasicConstraints.of(
                    org.bouncycastle.asn1.x509.BasicConstraints.getInstance(value), false).display());
        } else if (oid.equals(Extension.keyUsage)) {
            io.mtlslab.pki.KeyUsage.of(KeyUsage.getInstance(value)).forEach(u -> values.add(u.displayName()));
        } else if (oid.equals(Extension.extendedKeyUsage)) {
            for (KeyPurposeId purpose : ExtendedKeyUsage.getInstance(value).getUsages()) {
                values.add(io.mtlslab.pki.ExtendedKeyUsage.nameOf(purpose.getId()));
            }
        } else if (oid.equals(Extension.subjectAlternativeName) || oid.equals(Extension.issuerAlternativeName)) {
            for (GeneralName name : GeneralNames.getInstance(value).getNames()) {
                values.add(generalName(name));
            }
        } else if (oid.equals(Extension.subjectKeyIdentifier)) {
            values.add(COLON_HEX.formatHex(SubjectKeyIdentifier.getInstance(value).getKeyIdentifier()));
        } else if (oid.equals(Extension.authorityKeyIdentifier)) {
            AuthorityKeyIdentifier aki = AuthorityKeyIdentifier.getInstance(value);
            if (aki.getKeyIdentifierObject() != null) {
                values.add("keyid:" + COLON_HEX.formatHex(aki.getKeyIdentifierObject().getOctets()));
            }
            if (aki.getAuthorityCertIssuer() != null) {
                for (GeneralName name : aki.getAuthorityCertIssuer().getNames()) {
                    values.add("issuer:" + generalName(name));
                }
            }
            if (aki.getAuthorityCertSerialNumber() != null) {
                values.add("serial:" + aki.getAuthorityCertSerialNumber().toString(16));
            }
        } else if (oid.equals(Extension.cRLDistributionPoints)) {
            for (DistributionPoint point : CRLDistPoint.getInstance(value).getDistributionPoints()) {
                values.addAll(distributionPoint(point.getDistributionPoint()));
            }
        } else if (oid.equals(Extension.issuingDistributionPoint)) {
            values.addAll(distributionPoint(org.bouncycastle.asn1.x509.IssuingDistributionPoint.getInstance(value)
                    .getDistributionPoint()));
        } else if (oid.equals(Extension.authorityInfoAccess)) {
            for (AccessDescription access : AuthorityInformationAccess.getInstance(value).getAccessDescriptions()) {
                String method = access.getAccessMethod().equals(AccessDescription.id_ad_ocsp) ? "OCSP"
                        : access.getAccessMethod().equals(AccessDescription.id_ad_caIssuers) ? "CA Issuers"
                        : access.getAccessMethod().getId();
                values.add(method + " - " + generalName(access.getAccessLocation()));
            }
        } else if (oid.equals(Extension.certificatePolicies)) {
            for (PolicyInformation policy : CertificatePolicies.getInstance(value).getPolicyInformation()) {
                values.add("policy:" + policy.getPolicyIdentifier().getId());
            }
        } else if (oid.equals(Extension.nameConstraints)) {
            NameConstraints constraints = NameConstraints.getInstance(value);
            addSubtrees(values, "permitted", constraints.getPermittedSubtrees());
            addSubtrees(values, "excluded", constraints.getExcludedSubtrees());
        } else if (oid.equals(Extension.cRLNumber) || oid.equals(Extension.deltaCRLIndicator)) {
            values.add(ASN1Integer.getInstance(value).getValue().toString());
        } else if (oid.equals(Extension.reasonCode)) {
            values.add(reason(ASN1Enumerated.getInstance(value).getValue()));
        } else if (oid.equals(Extension.invalidityDate)) {
            values.add(org.bouncycastle.asn1.ASN1GeneralizedTime.getInstance(value).toString());
        }
        return values;
    }

    /** RFC 5280 reason names: keyCompromise, cACompromise, superseded, ... */
    static String reason(BigInteger code) {
        String text = CRLReason.lookup(code.intValue()).toString();
        // BC renders "CRLReason: keyCompromise"
        int colon = text.indexOf(':');
        return colon >= 0 ? text.substring(colon + 1).trim() : text;
    }

    private static void addSubtrees(List<String> values, String label, GeneralSubtree[] subtrees) {
        if (subtrees != null) {
            for (GeneralSubtree subtree : subtrees) {
                values.add(label + ":" + generalName(subtree.getBase()));
            }
        }
    }

    private static List<String> distributionPoint(DistributionPointName name) {
        List<String> values = new ArrayList<>();
        if (name == null) {
            return values;
        }
        if (name.getType() == DistributionPointName.FULL_NAME) {
            for (GeneralName general : GeneralNames.getInstance(name.getName()).getNames()) {
                values.add(generalName(general));
            }
        } else {
            values.add("relativeName:" + name.getName());
        }
        return values;
    }

    /** {@code DNS:x}, {@code IP:127.0.0.1}, {@code email:a@b.c}, {@code URI:...}, {@code DirName:...}. */
    public static String generalName(GeneralName name) {
        ASN1Encodable value = name.getName();
        io.mtlslab.pki.SubjectAltName san = io.mtlslab.pki.SubjectAltName.read(name);
        if (san != null) {
            // the one SAN renderer
            return san.display();
        }
        return switch (name.getTagNo()) {
            case GeneralName.iPAddress -> "IP:" + ipAddress(ASN1OctetString.getInstance(value).getOctets());
            case GeneralName.directoryName -> "DirName:" + DistinguishedNames.oneLine(X500Name.getInstance(value));
            case GeneralName.registeredID -> "RID:" + ASN1ObjectIdentifier.getInstance(value).getId();
            case GeneralName.otherName -> "otherName:" + otherName(value);
            default -> "tag" + name.getTagNo() + ":" + value;
        };
    }

    /** An IP address from its SAN bytes; IPv6 in RFC 5952 compressed form would need care, so full form. */
    static String ipAddress(byte[] bytes) {
        try {
            if (bytes.length == 4 || bytes.length == 16) {
                return InetAddress.getByAddress(bytes).getHostAddress();
            }
        } catch (UnknownHostException e) {
            // falls through to hex
        }
        // 8 or 32 bytes: an address and a mask, as in name constraints
        return HexFormat.of().formatHex(bytes);
    }

    private static String otherName(ASN1Encodable value) {
        ASN1Sequence sequence = ASN1Sequence.getInstance(value);
        String oid = ASN1ObjectIdentifier.getInstance(sequence.getObjectAt(0)).getId();
        ASN1Encodable inner = ASN1TaggedObject.getInstance(sequence.getObjectAt(1)).getExplicitBaseObject();
        return oid + ";" + (inner instanceof ASN1String s ? s.getString() : inner.toString());
    }

    private static String string(ASN1Encodable value) {
        return value instanceof ASN1String s ? s.getString() : ASN1IA5String.getInstance(value).getString();
    }

    private static List<String> hex(Extension extension) {
        return List.of("hex:" + HexFormat.of().formatHex(extension.getExtnValue().getOctets()));
    }
}
