package io.mtlslab.pki;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * <p>Revocations and the CRL number are the CA's own record, kept in its {@link CaDatabase}
 * ({@code index.txt}, {@code crlnumber}) rather than in the UI's {@code workspace.json}; the
 * identity's {@code revoked} flag in the index only mirrors it. A CRL is never published with fewer
 * serials or a lower number than the last one: what the database, the last {@code crl.pem} (when the
 * CA's signature on it holds) and an index from before the database list is merged. Everything runs
 * under the workspace lock, so two processes revoking at once both end up on the CRL. The CRL is a v2
 * CRL with a CRL number and the CA's AKI, as {@code openssl crl -verify} and
 * {@code openssl verify -crl_check} expect.
 */
public final class CrlIssuer {

    /** How long a published CRL is current; a workshop lasts days, not months. */
    public static final Duration VALIDITY = Duration.ofDays(30);

    /** Where revocations lived in {@code workspace.json} before the CA database; still read, never written. */
    static final String REVOCATIONS = "revocations";
    static final String CRL_NUMBER = "crlNumber";

    private CrlIssuer() {
    }

    /** Every revocation of the workspace CA, oldest first. */
    public static List<Revocation> revocations(Workspace workspace) {
        return known(workspace).revocations();
    }

    /** Whether the certificate with this serial has been revoked in the workspace. */
    public static boolean isRevoked(Workspace workspace, String serialHex) {
        return known(workspace).isRevoked(new BigInteger(serialHex, 16));
    }

    /**
     * Revokes the current certificate of identity {@code name}, marks it revoked in the index and
     * publishes the new {@code crl.pem}.
     */
    public static Revocation revoke(Workspace workspace, String name, RevocationReason reason, char[] caKeyPassword) {
        return revokeAll(workspace, name, reason, caKeyPassword).get(0);
    }

    /**
     * Revokes identity {@code name}: its current certificate (first in the result) and every earlier one
     * the CA issued under that name that is still valid (replaced by renew or issue --force, so still in
     * someone's hands and no longer in a file of the workspace); marks it revoked in the index and
     * publishes the new {@code crl.pem} once.
     */
    public static List<Revocation> revokeAll(Workspace workspace, String name, RevocationReason reason,
                                             char[] caKeyPassword) {
        return workspace.locked(() -> {
            IdentityEntry entry = workspace.identity(name).orElseThrow(() -> PkiException.of("name", "noIdentity", name,
                    String.valueOf(workspace.dir())));
            if (entry.revoked()) {
                throw PkiException.of("name", "alreadyRevoked", name);
            }
            X509Certificate certificate = Pem.readCertificate(workspace.certificateFile(name));
            Credential ca = caOf(workspace, name, certificate, caKeyPassword);
            String serial = Certificates.serialHex(certificate);
            CaDatabase database = known(workspace);
            if (database.isRevoked(certificate.getSerialNumber())) {
                throw PkiException.of("name", "certificateAlreadyRevoked", serial, name);
            }
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            RevocationReason why = reason == null ? RevocationReason.UNSPECIFIED : reason;
            List<Revocation> revoked = new java.util.ArrayList<>();
            revoked.add(new Revocation(name, serial, now, why));
            database = database.withRevoked(revoked.get(0), certificate);
            for (BigInteger earlier : database.validUnder(name, now)) {
                Revocation older = new Revocation(name, Certificates.serialHex(earlier), now, why);
                revoked.add(older);
                database = database.withRevoked(older, null);
            }
            publish(workspace, ca, database);
            workspace.updateIdentity(name, e -> e.serialHex().equalsIgnoreCase(serial) ? e.withRevoked(true) : e);
            return List.copyOf(revoked);
        });
    }

    /**
     * Revokes one certificate of identity {@code name} (for a renewal: the old one) and publishes the
     * CRL, without touching the identity's index entry.
     */
    public static Revocation revokeCertificate(Workspace workspace, String name, X509Certificate certificate,
                                               RevocationReason reason, char[] caKeyPassword) {
        return workspace.locked(() -> {
            Credential ca = caOf(workspace, name, certificate, caKeyPassword);
            String serial = Certificates.serialHex(certificate);
            CaDatabase database = known(workspace);
            if (database.isRevoked(certificate.getSerialNumber())) {
                throw PkiException.of("name", "certificateAlreadyRevoked", serial, name);
            }
            Revocation revocation = new Revocation(name, serial, Instant.now().truncatedTo(ChronoUnit.SECONDS),
                    reason == null ? RevocationReason.UNSPECIFIED : reason);
            publish(workspace, ca, database.withRevoked(revocation, certificate));
            return revocation;
        });
    }

    /** Signs and writes a fresh {@code crl.pem} (new number, thisUpdate now) from the recorded revocations. */
    public static X509CRL publish(Workspace workspace, char[] caKeyPassword) {
        if (!workspace.hasCa()) {
            throw PkiException.of("dir", "noCa", String.valueOf(workspace.dir()));
        }
        return workspace.locked(() -> publish(workspace, workspace.signer(Workspace.CA, caKeyPassword),
                known(workspace)));
    }

    /** Under the lock: the CA database first, then the CRL, then the index's legacy copy goes. */
    private static X509CRL publish(Workspace workspace, Credential ca, CaDatabase database) {
        long number = database.nextCrlNumber();
        X509CRL crl = build(ca, database.revocations(), BigInteger.valueOf(number), Instant.now());
        database.withNextCrlNumber(number + 1).write(workspace.dir());
        writeCrl(workspace, crl);
        if (workspace.settings().containsKey(REVOCATIONS) || workspace.settings().containsKey(CRL_NUMBER)) {
            workspace.removeSetting(REVOCATIONS);
            workspace.removeSetting(CRL_NUMBER);
        }
        return crl;
    }

    /**
     * Everything known to be revoked, and the next CRL number: the CA database, merged with what the
     * last published CRL lists (if the CA signed it) and with an index written before the database
     * existed — so a lost or rebuilt file never shrinks the CRL or turns its number back.
     */
    private static CaDatabase known(Workspace workspace) {
        CaDatabase database = CaDatabase.read(workspace.dir());
        Object legacy = workspace.settings().get(REVOCATIONS);
        if (legacy instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> map) {
                    Revocation revocation = Revocation.fromJson(map);
                    if (!database.isRevoked(new BigInteger(revocation.serialHex(), 16))) {
                        database = database.withRevoked(revocation, null);
                    }
                }
            }
        }
        if (workspace.settings().get(CRL_NUMBER) instanceof Number last) {
            database = database.withNextCrlNumber(last.longValue() + 1);
        }
        X509CRL last = lastSignedByCa(workspace);
        if (last != null) {
            for (X509CRLEntry item : last.getRevokedCertificates() == null ? Set.<X509CRLEntry>of()
                    : last.getRevokedCertificates()) {
                if (!database.isRevoked(item.getSerialNumber())) {
                    String serial = Certificates.serialHex(item.getSerialNumber());
                    String name = workspace.identities().stream().filter(e -> serial.equalsIgnoreCase(e.serialHex()))
                            .map(IdentityEntry::name).findFirst().orElse("unknown");
                    RevocationReason reason = item.getRevocationReason() == null ? RevocationReason.UNSPECIFIED
                            : RevocationReason.ofCode(item.getRevocationReason().ordinal());
                    database = database.withRevoked(new Revocation(name, serial, item.getRevocationDate().toInstant(),
                            reason), null);
                }
            }
            byte[] number = last.getExtensionValue(Extension.cRLNumber.getId());
            if (number != null) {
                BigInteger value = CRLNumber.getInstance(org.bouncycastle.asn1.ASN1OctetString.getInstance(number)
                        .getOctets()).getCRLNumber();
                database = database.withNextCrlNumber(value.longValue() + 1);
            }
        }
        return database;
    }

    /** The published CRL if it is readable and signed by the workspace CA's key, else {@code null}. */
    private static X509CRL lastSignedByCa(Workspace workspace) {
        if (!java.nio.file.Files.exists(workspace.crlFile()) || !java.nio.file.Files.exists(
                workspace.certificateFile(Workspace.CA))) {
            return null;
        }
        try {
            X509CRL crl = published(workspace);
            crl.verify(workspace.caCertificate().getPublicKey());
            return crl;
        } catch (PkiException | java.security.GeneralSecurityException e) {
            return null; // not ours (or damaged): the CA database alone decides
        }
    }

    /** The published {@code crl.pem}, or {@code null} when none has been published yet. */
    public static X509CRL published(Workspace workspace) {
        if (!java.nio.file.Files.exists(workspace.crlFile())) {
            return null;
        }
        try (var in = java.nio.file.Files.newInputStream(workspace.crlFile())) {
            return (X509CRL) java.security.cert.CertificateFactory.getInstance("X.509").generateCRL(in);
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw PkiException.because(e, "crl", "crlUnreadable", String.valueOf(workspace.crlFile()),
                    String.valueOf(e.getMessage()), String.valueOf(workspace.dir()));
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

    private static Credential caOf(Workspace workspace, String name, X509Certificate certificate, char[] caKeyPassword) {
        IdentityEntry entry = workspace.identity(name).orElse(null);
        if (entry != null && entry.role() == Role.ROOT_CA || Certificates.isSelfSigned(certificate)) {
            throw PkiException.of("name", "rootNotRevocable", name);
        }
        String issuer = entry != null && entry.issuer() != null ? entry.issuer() : Workspace.CA;
        if (!Workspace.CA.equals(issuer)) {
            throw PkiException.of("name", "notIssuedByRoot", name, issuer);
        }
        Credential ca = workspace.signer(Workspace.CA, caKeyPassword);
        if (!ca.certificate().getSubjectX500Principal().equals(certificate.getIssuerX500Principal())) {
            throw PkiException.of("name", "notIssuedHere", name);
        }
        if (ca.privateKey() == null) {
            throw PkiException.of("ca", "keyMissing", "ca.key", String.valueOf(workspace.dir()), "ca.pem");
        }
        return ca;
    }
}
