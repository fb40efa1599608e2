package io.mtlslab.pki;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Revokes workspace identities and publishes the CA's certificate revocation list as {@code crl.pem}.
 *
 * <p>Revocations are recorded in {@code workspace.json} (settings {@code revocations} and
 * {@code crlNumber}; the identity's {@code revoked} flag), so the CRL can be re-published at any time
 * with a fresh {@code nextUpdate}. The CRL is a v2 CRL with a CRL number and the CA's AKI, as
 * {@code openssl crl -verify} and {@code openssl verify -crl_check} expect.
 */
public final class CrlIssuer {

    /** How long a published CRL is current; a workshop lasts days, not months. */
    public static final Duration VALIDITY = Duration.ofDays(30);

    static final String REVOCATIONS = "revocations";
    static final String CRL_NUMBER = "crlNumber";

    private CrlIssuer() {
    }

    /** Every revocation recorded in the workspace, oldest first. */
    public static List<Revocation> revocations(Workspace workspace) {
        List<Revocation> revocations = new ArrayList<>();
        Object stored = workspace.settings().get(REVOCATIONS);
        if (stored instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> map) {
                    revocations.add(Revocation.fromJson(map));
                }
            }
        }
        return revocations;
    }

    /** Whether the certificate with this serial has been revoked in the workspace. */
    public static boolean isRevoked(Workspace workspace, String serialHex) {
        return revocations(workspace).stream().anyMatch(r -> r.serialHex().equalsIgnoreCase(serialHex));
    }

    /**
     * Revokes the current certificate of identity {@code name}, marks it revoked in the index and
     * publishes the new {@code crl.pem}.
     */
    public static Revocation revoke(Workspace workspace, String name, RevocationReason reason, char[] caKeyPassword) {
        IdentityEntry entry = workspace.identity(name).orElseThrow(() -> new PkiException("name",
                "no identity '" + name + "' in " + workspace.dir(), "list the identities with: mtls-lab list, or check --dir"));
        if (entry.revoked()) {
            throw new PkiException("name", "'" + name + "' is already revoked", "renew it to give it a new certificate");
        }
        X509Certificate certificate = Pem.readCertificate(workspace.certificateFile(name));
        Revocation revocation = revokeCertificate(workspace, name, certificate, reason, caKeyPassword);
        workspace.update(workspace.identity(name).orElseThrow().withRevoked(true));
        return revocation;
    }

    /**
     * Revokes one certificate of identity {@code name} (for a renewal: the old one) and publishes the
     * CRL, without touching the identity's index entry.
     */
    public static Revocation revokeCertificate(Workspace workspace, String name, X509Certificate certificate,
                                               RevocationReason reason, char[] caKeyPassword) {
        Credential ca = caOf(workspace, name, certificate, caKeyPassword);
        String serial = Certificates.serialHex(certificate);
        if (isRevoked(workspace, serial)) {
            throw new PkiException("name", "the certificate " + serial + " of '" + name + "' is already revoked",
                    "renew it to give it a new certificate");
        }
        Revocation revocation = new Revocation(name, serial, Instant.now().truncatedTo(ChronoUnit.SECONDS),
                reason == null ? RevocationReason.UNSPECIFIED : reason);
        List<Revocation> all = new ArrayList<>(revocations(workspace));
        all.add(revocation);
        // The CRL first, the index last: a failed write leaves the index as it was.
        BigInteger number = nextNumber(workspace);
        writeCrl(workspace, build(ca, all, number, Instant.now()));
        List<Map<String, Object>> json = all.stream().map(Revocation::toJson).toList();
        workspace.settings().put(REVOCATIONS, new ArrayList<>(json));
        workspace.putSetting(CRL_NUMBER, number.longValue());
        return revocation;
    }

    /** Signs and writes a fresh {@code crl.pem} (new number, thisUpdate now) from the recorded revocations. */
    public static X509CRL publish(Workspace workspace, char[] caKeyPassword) {
        if (!workspace.hasCa()) {
            throw new PkiException("dir", "no CA in " + workspace.dir(), "create one with: mtls-lab ca create --dir "
                    + workspace.dir());
        }
        Credential ca = workspace.credential(Workspace.CA, caKeyPassword);
        BigInteger number = nextNumber(workspace);
        X509CRL crl = build(ca, revocations(workspace), number, Instant.now());
        writeCrl(workspace, crl);
        workspace.putSetting(CRL_NUMBER, number.longValue());
        return crl;
    }

    /** The published {@code crl.pem}, or {@code null} when none has been published yet. */
    public static X509CRL published(Workspace workspace) {
        if (!java.nio.file.Files.exists(workspace.crlFile())) {
            return null;
        }
        try (var in = java.nio.file.Files.newInputStream(workspace.crlFile())) {
            return (X509CRL) java.security.cert.CertificateFactory.getInstance("X.509").generateCRL(in);
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new PkiException("crl", workspace.crlFile() + " is not a readable CRL: " + e.getMessage(),
                    "publish it again with: mtls-lab crl --dir " + workspace.dir(), e);
        }
    }

    /** Builds a v2 CRL signed by {@code ca} listing {@code revocations}. */
    public static X509CRL build(Credential ca, List<Revocation> revocations, BigInteger number, Instant thisUpdate) {
        try {
            X509Certificate caCertificate = ca.certificate();
            Instant now = thisUpdate.truncatedTo(ChronoUnit.SECONDS);
            X509v2CRLBuilder builder = new X509v2CRLBuilder(Certificates.x500Name(caCertificate), Date.from(now));
            builder.setNextUpdate(Date.from(now.plus(VALIDITY)));
            for (Revocation revocation : revocations) {
                // RFC 5280 5.3.1: BouncyCastle leaves the reason code out for 0 rather than writing "unspecified".
                builder.addCRLEntry(new BigInteger(revocation.serialHex(), 16), Date.from(revocation.revokedAt()),
                        revocation.reason().code());
            }
            builder.addExtension(Extension.cRLNumber, false, new CRLNumber(number));
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(caCertificate));
            var signer = new JcaContentSignerBuilder(KeyType.of(caCertificate.getPublicKey()).signatureAlgorithm())
                    .build(ca.privateKey());
            return new JcaX509CRLConverter().getCRL(builder.build(signer));
        } catch (IOException | java.security.GeneralSecurityException
                 | org.bouncycastle.operator.OperatorCreationException e) {
            throw new IllegalStateException("cannot build the CRL: " + e.getMessage(), e);
        }
    }

    /** The CRL as PEM ({@code -----BEGIN X509 CRL-----}), as {@code openssl crl} writes it. */
    public static String pem(X509CRL crl) {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(crl);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return text.toString();
    }

    private static void writeCrl(Workspace workspace, X509CRL crl) {
        SecureFiles.write(workspace.crlFile(), pem(crl).getBytes(StandardCharsets.US_ASCII));
    }

    private static BigInteger nextNumber(Workspace workspace) {
        Object stored = workspace.settings().get(CRL_NUMBER);
        long last = stored instanceof Number n ? n.longValue() : 0L;
        return BigInteger.valueOf(last + 1);
    }

    private static Credential caOf(Workspace workspace, String name, X509Certificate certificate, char[] caKeyPassword) {
        IdentityEntry entry = workspace.identity(name).orElse(null);
        if (entry != null && entry.role() == Role.ROOT_CA || Certificates.isSelfSigned(certificate)) {
            throw new PkiException("name", "'" + name + "' is a root CA, which no CRL can revoke",
                    "create a new CA instead, or revoke the identities it issued");
        }
        String issuer = entry != null && entry.issuer() != null ? entry.issuer() : Workspace.CA;
        if (!Workspace.CA.equals(issuer)) {
            throw new PkiException("name", "'" + name + "' was issued by '" + issuer
                    + "'; the workspace publishes only the root CA's CRL", "revoke identities issued by the root CA");
        }
        Credential ca = workspace.credential(Workspace.CA, caKeyPassword);
        if (!ca.certificate().getSubjectX500Principal().equals(certificate.getIssuerX500Principal())) {
            throw new PkiException("name", "'" + name + "' was not issued by this workspace's CA",
                    "revoke only identities issued in this workspace");
        }
        if (ca.privateKey() == null) {
            throw new PkiException("ca", "ca.key is missing in " + workspace.dir(), "the CA's private key signs the CRL");
        }
        return ca;
    }
}
