package io.mtlslab.cli;

import io.mtlslab.pki.inspect.CertificateDetails;
import io.mtlslab.pki.inspect.CrlDetails;
import io.mtlslab.pki.inspect.CsrDetails;
import io.mtlslab.pki.inspect.ExtensionDetails;
import io.mtlslab.pki.inspect.InspectedFile;
import io.mtlslab.pki.inspect.Pkcs12Details;
import io.mtlslab.pki.inspect.PrivateKeyDetails;
import java.io.PrintWriter;
import java.util.List;

/** Prints an {@link InspectedFile} as indented text, one field per line. */
final class InspectionText {

    private InspectionText() {
    }

    static void print(PrintWriter out, InspectedFile file) {
        out.printf("%s: %s (%s)%n", file.source(), file.kind().name().toLowerCase().replace('_', ' '), file.encoding());
        Pkcs12Details p12 = file.pkcs12();
        if (p12 != null) {
            out.println("PKCS#12");
            field(out, 1, "MAC", p12.macAlgorithm() == null ? "none" : p12.macAlgorithm() + ", "
                    + p12.macIterations() + " iterations");
            p12.encryption().forEach(line -> field(out, 1, "Encryption", line.text()));
            field(out, 1, "Aliases", String.join(", ", p12.friendlyNames()));
            field(out, 1, "Private key", p12.hasPrivateKey() ? (p12.keyMatchesCertificate()
                    ? "yes, matches its certificate" : "yes, matches NO certificate") : "none (truststore)");
        }
        int index = 0;
        for (CertificateDetails cert : file.certificates()) {
            out.printf("Certificate %d%n", ++index);
            certificate(out, cert);
        }
        for (PrivateKeyDetails key : file.privateKeys()) {
            out.println("Private key");
            field(out, 1, "Format", key.format().text());
            if (key.encrypted()) {
                field(out, 1, "Encrypted", key.encryption() == null ? "" : key.encryption().text());
            }
            field(out, 1, "Key", key.readable() ? key.description() : "(encrypted: give --password to read it)");
        }
        for (CsrDetails csr : file.requests()) {
            out.println("Certificate signing request");
            field(out, 1, "Subject", csr.subject());
            field(out, 1, "Public key", csr.publicKey().description());
            field(out, 1, "Signature", csr.signatureAlgorithm() + (csr.signatureValid() ? ", valid" : ", INVALID"));
            extensions(out, csr.extensions());
        }
        for (CrlDetails crl : file.crls()) {
            out.println("Certificate revocation list");
            field(out, 1, "Issuer", crl.issuer());
            field(out, 1, "This update", String.valueOf(crl.thisUpdate()));
            field(out, 1, "Next update", String.valueOf(crl.nextUpdate()));
            field(out, 1, "Signature", crl.signatureAlgorithm());
            if (crl.crlNumber() != null) {
                field(out, 1, "CRL number", crl.crlNumber());
            }
            field(out, 1, "Revoked", crl.revoked().isEmpty() ? "none" : crl.revoked().size() + " certificate(s)");
            for (CrlDetails.RevokedCertificate entry : crl.revoked()) {
                out.printf("      %s (%s) on %s%s%n", entry.serialHex(), entry.serialDecimal(), entry.revocationDate(),
                        entry.reason() == null ? "" : ", " + entry.reason());
            }
            extensions(out, crl.extensions());
        }
    }

    private static void certificate(PrintWriter out, CertificateDetails cert) {
        field(out, 1, "Subject", cert.subject());
        field(out, 1, "Issuer", cert.issuer());
        field(out, 1, "Serial", cert.serialHex() + " (decimal " + cert.serialDecimal() + ")");
        field(out, 1, "Valid from", cert.notBefore().toString());
        field(out, 1, "Valid until", cert.notAfter().toString());
        field(out, 1, "Public key", cert.publicKey().description());
        field(out, 1, "Signature", cert.signatureAlgorithm());
        field(out, 1, "Version", String.valueOf(cert.version()));
        field(out, 1, "SHA-256", cert.sha256Fingerprint());
        field(out, 1, "SHA-1", cert.sha1Fingerprint());
        field(out, 1, "Self-signed", cert.selfSigned() ? "yes" : "no");
        extensions(out, cert.extensions());
    }

    private static void extensions(PrintWriter out, List<ExtensionDetails> extensions) {
        if (extensions.isEmpty()) {
            return;
        }
        out.println("  Extensions");
        for (ExtensionDetails extension : extensions) {
            String label = extension.known() ? extension.name() : "unknown " + extension.oid();
            field(out, 2, label + (extension.critical() ? " (critical)" : ""), String.join(", ", extension.values()));
        }
    }

    private static void field(PrintWriter out, int depth, String label, String value) {
        out.printf("%s%-14s %s%n", "  ".repeat(depth), label + ":", value == null ? "" : value);
    }
}
