package io.mtlslab.pki;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.GeneralName;

/**
 * Everything needed to issue one certificate: role, subject, key type, SANs, validity, CA path length.
 *
 * <p>Built with {@link #builder(Role)}; the defaults are the seed's (RSA keys, 3650 days for a CA,
 * 365 for a leaf, {@code localhost}/{@code 127.0.0.1}/{@code ::1} for a server without SANs).
 */
public final class CertificateSpec {

    private final Role role;
    private final SubjectName subject;
    private final X500Name encodedSubject;
    private final KeyType keyType;
    private final List<SubjectAltName> subjectAltNames;
    private final List<GeneralName> generalNames;
    private final Validity validity;
    private final Integer pathLength;

    private CertificateSpec(Builder builder) {
        this.role = builder.role;
        this.subject = Objects.requireNonNull(builder.subject, "subject").requireCommonName().checkForIssuing();
        if (builder.encodedSubject != null) {
            SubjectName.checkEveryAttribute(builder.encodedSubject);
        }
        this.encodedSubject = builder.encodedSubject != null ? builder.encodedSubject : subject.toX500Name();
        this.keyType = builder.keyType;
        this.validity = builder.validity != null ? builder.validity
                : Validity.days(builder.days != null ? builder.days : role.isCa() ? 3650 : 365);
        List<SubjectAltName> sans = new ArrayList<>(builder.subjectAltNames);
        if (role == Role.SERVER && sans.isEmpty() && builder.keptNames.isEmpty()) {
            sans.addAll(SubjectAltName.localhostDefaults());
        }
        List<SubjectAltName> known = new ArrayList<>();
        builder.keptNames.stream().map(SubjectAltName::read).filter(Objects::nonNull).forEach(known::add);
        known.addAll(sans);
        if (subject.email() != null && role == Role.CLIENT
                && known.stream().noneMatch(s -> s.kind() == SubjectAltName.Kind.EMAIL)) {
            SubjectAltName email = SubjectAltName.email(subject.email());
            sans.add(email);
            known.add(email);
        }
        this.subjectAltNames = List.copyOf(known);
        List<GeneralName> names = new ArrayList<>(builder.keptNames);
        sans.forEach(san -> names.add(san.toGeneralName()));
        this.generalNames = List.copyOf(names);
        if (builder.pathLength != null && (builder.pathLength < 0 || !role.isCa())) {
            throw PkiException.of("path-len", "pathLen");
        }
        this.pathLength = builder.pathLength;
    }

    public static Builder builder(Role role) {
        return new Builder(role);
    }

    public Role role() {
        return role;
    }

    /**
     * The subject as it goes into the certificate: the ASN.1 name given (a renewal keeps the old
     * certificate's exactly — attribute types, string encodings, commas), or the one built from
     * {@link #subject()}.
     */
    public X500Name encodedSubject() {
        return encodedSubject;
    }

    public SubjectName subject() {
        return subject;
    }

    public KeyType keyType() {
        return keyType;
    }

    /** The SANs of the kinds mTLS Lab models (DNS, IP, email, URI), kept ones first. */
    public List<SubjectAltName> subjectAltNames() {
        return subjectAltNames;
    }

    /**
     * Every SAN as it goes into the certificate, in order: the kept ones as they were (any kind,
     * otherName and directoryName included), then those given as {@link SubjectAltName}s.
     */
    public List<GeneralName> generalNames() {
        return generalNames;
    }

    public Validity validity() {
        return validity;
    }

    /** The CA's pathLenConstraint, or {@code null} for none. */
    public Integer pathLength() {
        return pathLength;
    }

    /** Collects a certificate's options; {@link #build()} validates them. */
    public static final class Builder {
        private final Role role;
        private SubjectName subject;
        private X500Name encodedSubject;
        private KeyType keyType = KeyType.RSA_2048;
        private final List<SubjectAltName> subjectAltNames = new ArrayList<>();
        private final List<GeneralName> keptNames = new ArrayList<>();
        private Validity validity;
        private Integer days;
        private Integer pathLength;

        private Builder(Role role) {
            this.role = Objects.requireNonNull(role, "role");
            if (role.isCa()) {
                keyType = KeyType.RSA_4096;
            }
        }

        public Builder subject(SubjectName value) {
            this.subject = value;
            this.encodedSubject = null;
            return this;
        }

        /** Keeps this ASN.1 name as the subject, byte for byte (a renewal's); its attributes are checked as usual. */
        public Builder subject(X500Name value) {
            this.subject = SubjectName.of(value);
            this.encodedSubject = value;
            return this;
        }

        public Builder commonName(String commonName) {
            this.subject = SubjectName.ofCommonName(commonName);
            this.encodedSubject = null;
            return this;
        }

        public Builder keyType(KeyType value) {
            this.keyType = Objects.requireNonNull(value, "keyType");
            return this;
        }

        public Builder subjectAltName(SubjectAltName value) {
            this.subjectAltNames.add(Objects.requireNonNull(value, "subjectAltName"));
            return this;
        }

        public Builder subjectAltNames(List<SubjectAltName> values) {
            values.forEach(this::subjectAltName);
            return this;
        }

        /**
         * SANs copied into the certificate as they are, ASN.1 for ASN.1 and in this order, whatever
         * their kind (a CSR's requested names); {@link #subjectAltName}s given besides follow them.
         */
        public Builder keptNames(List<GeneralName> values) {
            values.forEach(value -> this.keptNames.add(Objects.requireNonNull(value, "keptName")));
            return this;
        }

        /** Valid from now for this many days (checked to be positive). */
        public Builder days(int value) {
            Validity.days(value); // fails fast with the field's message
            this.days = value;
            return this;
        }

        /** Explicit bounds, e.g. for an expired or not-yet-valid test certificate. */
        public Builder validity(Validity value) {
            this.validity = value;
            return this;
        }

        public Builder pathLength(Integer value) {
            this.pathLength = value;
            return this;
        }

        public CertificateSpec build() {
            if (subject == null) {
                throw PkiException.of("cn", "cnEmpty");
            }
            return new CertificateSpec(this);
        }
    }
}
