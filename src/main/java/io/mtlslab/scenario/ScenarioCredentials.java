package io.mtlslab.scenario;

import io.mtlslab.pki.CertificateIssuer;
import io.mtlslab.pki.CertificateSpec;
import io.mtlslab.pki.Certificates;
import io.mtlslab.pki.Credential;
import io.mtlslab.pki.KeyType;
import io.mtlslab.pki.Role;
import io.mtlslab.pki.SecureFiles;
import io.mtlslab.pki.SubjectName;
import io.mtlslab.pki.Validity;
import io.mtlslab.pki.Workspace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509CRL;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The credentials the scenarios need, kept in the workspace's scratch area {@code .scenarios/} (a
 * workspace of its own, holding the real CA's certificate but never its key) and re-used while they
 * still fit: same workspace CA, the valid ones still valid, the future one still in the future.
 */
public final class ScenarioCredentials {

    /** The scratch area's folder name inside the workspace. */
    public static final String FOLDER = ".scenarios";
    private static final String CA_FINGERPRINT = "caFingerprint";

    static final String SERVER = "server";
    static final String VALID = "valid-client";
    static final String ROGUE_CA = "rogue-ca";
    static final String ROGUE_CLIENT = "rogue-client";
    static final String EXPIRED = "expired-client";
    static final String FUTURE = "future-client";
    static final String REVOKED = "revoked-client";
    static final String LOOKALIKE = "lookalike-client";

    private final Workspace scratch;
    private final Credential ca;
    private final X509CRL crl;

    private ScenarioCredentials(Workspace scratch, Credential ca, X509CRL crl) {
        this.scratch = scratch;
        this.ca = ca;
        this.crl = crl;
    }

    /** Builds (or re-uses) the scenario credentials of {@code workspace}, issuing from its CA. */
    public static ScenarioCredentials prepare(Workspace workspace, char[] caKeyPassword, CrlSource crls) {
        Credential ca = workspace.credential(Workspace.CA, caKeyPassword);
        Workspace scratch = Workspace.open(workspace.dir().resolve(FOLDER));
        String fingerprint = Certificates.sha256Fingerprint(ca.certificate());
        if (!reusable(scratch, fingerprint)) {
            issueAll(scratch, ca, fingerprint);
        }
        X509CRL crl = crls.revoke(ca, List.of(scratch.credential(REVOKED, null).certificate()));
        if (crl != null) {
            writeCrl(scratch.crlFile(), crl);
        }
        return new ScenarioCredentials(scratch, ca, crl);
    }

    /**
     * The credentials a {@link LegacyTlsChild} finds in {@code scratchDir}, prepared by its parent: the
     * scratch area holds the CA's certificate only, which is all a scenario call needs of it.
     */
    static ScenarioCredentials reopen(Path scratchDir, Path crlFile) {
        Workspace scratch = Workspace.open(scratchDir);
        X509CRL crl = crlFile == null ? null : io.mtlslab.call.CallRequest.readCrls(crlFile).stream().findFirst().orElse(null);
        return new ScenarioCredentials(scratch, scratch.credential(Workspace.CA, null), crl);
    }

    private static boolean reusable(Workspace scratch, String caFingerprint) {
        if (!caFingerprint.equals(scratch.settings().get(CA_FINGERPRINT))) {
            return false;
        }
        Instant now = Instant.now();
        try {
            for (String name : List.of(SERVER, VALID, ROGUE_CA, ROGUE_CLIENT, REVOKED, LOOKALIKE)) {
                if (!validAt(scratch.credential(name, null), now.plus(Duration.ofHours(1)))) {
                    return false;
                }
            }
            return scratch.credential(FUTURE, null).certificate().getNotBefore().toInstant().isAfter(now.plus(Duration.ofHours(1)))
                    && scratch.credential(EXPIRED, null).certificate().getNotAfter().toInstant().isBefore(now);
        } catch (RuntimeException e) {
            return false; // a missing or damaged file: issue afresh
        }
    }

    private static boolean validAt(Credential credential, Instant when) {
        return credential.privateKey() != null && !when.isAfter(credential.certificate().getNotAfter().toInstant())
                && !when.isBefore(credential.certificate().getNotBefore().toInstant());
    }

    private static void issueAll(Workspace scratch, Credential ca, String fingerprint) {
        // the real CA's certificate only: the scratch area must never hold the CA key
        scratch.store(Workspace.CA, Role.ROOT_CA, null, new Credential(ca.certificate(), null, List.of()), null);
        SubjectName caSubject = Certificates.subject(ca.certificate());
        SubjectName client = SubjectName.seed("CODIGODOCLIENTE", "Cliente");
        Instant now = Instant.now();

        scratch.store(SERVER, Role.SERVER, Workspace.CA, CertificateIssuer.issue(CertificateSpec.builder(Role.SERVER)
                .subject(SubjectName.seed("TI", "localhost")).keyType(KeyType.EC_P256).build(), ca), null);
        scratch.store(VALID, Role.CLIENT, Workspace.CA, CertificateIssuer.issue(clientSpec(client, Validity.days(30)), ca), null);
        // same subject as the real CA, different key: a name proves nothing
        Credential rogue = CertificateIssuer.createRootCa(CertificateSpec.builder(Role.ROOT_CA).subject(caSubject)
                .keyType(KeyType.EC_P256).build());
        scratch.store(ROGUE_CA, Role.ROOT_CA, null, rogue, null);
        scratch.store(ROGUE_CLIENT, Role.CLIENT, null, CertificateIssuer.issue(clientSpec(client, Validity.days(30)), rogue), null);
        scratch.store(EXPIRED, Role.CLIENT, Workspace.CA, CertificateIssuer.issue(clientSpec(client,
                new Validity(now.minus(Duration.ofDays(30)), now.minus(Duration.ofDays(1)))), ca), null);
        scratch.store(FUTURE, Role.CLIENT, Workspace.CA, CertificateIssuer.issue(clientSpec(client,
                new Validity(now.plus(Duration.ofDays(30)), now.plus(Duration.ofDays(60)))), ca), null);
        scratch.store(REVOKED, Role.CLIENT, Workspace.CA, CertificateIssuer.issue(clientSpec(client, Validity.days(30)), ca), null);
        scratch.store(LOOKALIKE, Role.CLIENT, null, CertificateIssuer.selfSignedLeaf(clientSpec(client, Validity.days(30))), null);
        scratch.putSetting(CA_FINGERPRINT, fingerprint);
    }

    private static CertificateSpec clientSpec(SubjectName subject, Validity validity) {
        return CertificateSpec.builder(Role.CLIENT).subject(subject).keyType(KeyType.EC_P256).validity(validity).build();
    }

    private static void writeCrl(Path file, X509CRL crl) {
        SecureFiles.write(file, io.mtlslab.pki.CrlIssuer.pem(crl).getBytes(StandardCharsets.US_ASCII));
    }

    public Workspace scratch() {
        return scratch;
    }

    public Credential ca() {
        return ca;
    }

    /** A scenario credential by its scratch name. */
    public Credential credential(String name) {
        return scratch.credential(name, null);
    }

    /** Whether the revoked client is really on a CRL the server enforces. */
    public boolean revocationAvailable() {
        return crl != null;
    }

    /** The scenario CRL file, or {@code null} without revocation. */
    public Path crlFile() {
        return crl == null ? null : scratch.crlFile();
    }
}
