package io.mtlslab.cli;

import io.mtlslab.pki.inspect.CertificateDetails;
import io.mtlslab.pki.inspect.CrlDetails;
import io.mtlslab.pki.inspect.CsrDetails;
import io.mtlslab.pki.inspect.ExtensionDetails;
import io.mtlslab.pki.inspect.InspectedFile;
import io.mtlslab.pki.inspect.Pkcs12Details;
import io.mtlslab.pki.inspect.PrivateKeyDetails;
import io.mtlslab.text.Texts;
import java.io.PrintWriter;
import java.util.List;

/** Prints an {@link InspectedFile} as indented text, one field per line, with labels in the chosen language. */
final class InspectionText {

    private InspectionText() {
    }

    static void print(PrintWriter out, InspectedFile file) {
        out.printf("%s: %s (%s)%n", file.source(), t("inspectText.kind." + file.kind().name()), file.encoding());
        Pkcs12Details p12 = file.pkcs12();
        if (p12 != null) {
            out.println("PKCS#12");
            field(out, 1, "MAC", p12.macAlgorithm() == null ? t("inspectText.none")
                    : t("inspectText.mac", p12.macAlgorithm(), String.valueOf(p12.macIterations())));
            p12.encryption().forEach(line -> field(out, 1, t("inspectText.encryption"), line.text()));
            field(out, 1, t("inspectText.aliases"), String.join(", ", p12.friendlyNames()));
            field(out, 1, t("inspectText.privateKey"), t(p12.hasPrivateKey() ? (p12.keyMatchesCertificate()
                    ? "inspectText.p12.keyMatches" : "inspectText.p12.keyMatchesNone") : "inspectText.p12.noKey"));
        }
        int index = 0;
        for (CertificateDetails cert : file.certificates()) {
            out.println(t("inspectText.certificate", String.valueOf(++index)));
            certificate(out, cert);
        }
        for (PrivateKeyDetails key : file.privateKeys()) {
            out.println(t("inspectText.privateKey"));
            field(out, 1, t("inspectText.format"), key.format().text());
            if (key.encrypted()) {
                field(out, 1, t("inspectText.encrypted"), key.encryption() == null ? "" : key.encryption().text());
            }
            field(out, 1, t("inspectText.key"), key.readable() ? key.description() : t("inspectText.keyLocked"));
        }
        for (CsrDetails csr : file.requests()) {
            out.println(t("inspectText.csr"));
            field(out, 1, t("inspectText.subject"), csr.subject());
            field(out, 1, t("inspectText.publicKey"), csr.publicKey().description());
            field(out, 1, t("inspectText.signature"), t(csr.signatureValid() ? "inspectText.signatureValid"
                    : "inspectText.signatureInvalid", csr.signatureAlgorithm()));
            extensions(out, csr.extensions());
        }
        for (CrlDetails crl : file.crls()) {
            out.println(t("inspectText.crl"));
            field(out, 1, t("inspectText.issuer"), crl.issuer());
            field(out, 1, t("inspectText.thisUpdate"), String.valueOf(crl.thisUpdate()));
            field(out, 1, t("inspectText.nextUpdate"), String.valueOf(crl.nextUpdate()));
            field(out, 1, t("inspectText.signature"), crl.signatureAlgorithm());
            if (crl.crlNumber() != null) {
                field(out, 1, t("inspectText.crlNumber"), crl.crlNumber());
            }
            field(out, 1, t("inspectText.revoked"), crl.revoked().isEmpty() ? t("inspectText.none")
                    : t("inspectText.revokedCount", String.valueOf(crl.revoked().size())));
            for (CrlDetails.RevokedCertificate entry : crl.revoked()) {
                out.printf("      %s%n", t(entry.reason() == null ? "inspectText.revokedEntry" : "inspectText.revokedEntryReason",
                        entry.serialHex(), entry.serialDecimal(), String.valueOf(entry.revocationDate()), entry.reason()));
            }
            extensions(out, crl.extensions());
        }
    }

    private static void certificate(PrintWriter out, CertificateDetails cert) {
        field(out, 1, t("inspectText.subject"), cert.subject());
        field(out, 1, t("inspectText.issuer"), cert.issuer());
        field(out, 1, t("inspectText.serial"), t("inspectText.serialValue", cert.serialHex(), cert.serialDecimal()));
        field(out, 1, t("inspectText.validFrom"), cert.notBefore().toString());
        field(out, 1, t("inspectText.validUntil"), cert.notAfter().toString());
        field(out, 1, t("inspectText.publicKey"), cert.publicKey().description());
        field(out, 1, t("inspectText.signature"), cert.signatureAlgorithm());
        field(out, 1, t("inspectText.version"), String.valueOf(cert.version()));
        field(out, 1, "SHA-256", cert.sha256Fingerprint());
        field(out, 1, "SHA-1", cert.sha1Fingerprint());
        field(out, 1, t("inspectText.selfSigned"), t(cert.selfSigned() ? "inspectText.yes" : "inspectText.no"));
        extensions(out, cert.extensions());
    }

    private static void extensions(PrintWriter out, List<ExtensionDetails> extensions) {
        if (extensions.isEmpty()) {
            return;
        }
        out.println("  " + t("inspectText.extensions"));
        for (ExtensionDetails extension : extensions) {
            String label = extension.known() ? extension.name() : t("inspectText.unknownExtension", extension.oid());
            field(out, 2, extension.critical() ? t("inspectText.critical", label) : label,
                    String.join(", ", extension.values()));
        }
    }

    private static String t(String key, Object... args) {
        return Texts.text(key, args);
    }

    private static void field(PrintWriter out, int depth, String label, String value) {
        out.printf("%s%-14s %s%n", "  ".repeat(depth), label + ":", value == null ? "" : value);
    }
}
