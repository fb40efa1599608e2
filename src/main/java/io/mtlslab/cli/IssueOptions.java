package io.mtlslab.cli;

import io.mtlslab.pki.CertificateSpec;
import io.mtlslab.pki.KeyType;
import io.mtlslab.pki.PkiException;
import io.mtlslab.pki.SubjectAltName;
import io.mtlslab.pki.Validity;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Key, validity, SAN, overwrite and password options shared by the issuing commands. */
final class IssueOptions {

    @Option(names = "--key", paramLabel = "TYPE",
            description = "Key type: rsa-2048, rsa-3072, rsa-4096, ec-p256, ec-p384, ec-p521, ed25519.")
    String keyType;

    // Text, not int: "--days abc" then fails with the one-line "days:" message instead of picocli's usage.
    @Option(names = "--days", paramLabel = "N", description = "Validity in days from now.")
    String days;

    @Option(names = "--not-before", paramLabel = "INSTANT",
            description = "Explicit start of validity, e.g. 2020-01-01T00:00:00Z (makes not-yet-valid certificates).")
    String notBefore;

    @Option(names = "--not-after", paramLabel = "INSTANT",
            description = "Explicit end of validity, e.g. 2021-01-01T00:00:00Z (makes expired certificates).")
    String notAfter;

    @Option(names = "--san", paramLabel = "KIND:VALUE",
            description = "Subject alternative name, repeatable: dns:localhost, ip:127.0.0.1, ip:::1, email:a@b.c, uri:spiffe://x/y.")
    List<String> sans = new ArrayList<>();

    @Option(names = "--uri", paramLabel = "URI", description = "URI SAN, e.g. a SPIFFE ID (repeatable).")
    List<String> uris = new ArrayList<>();

    @Option(names = "--force", description = "Replace existing files of the same name.")
    boolean force;

    @Option(names = "--key-password", paramLabel = "PW",
            description = "Encrypt the new private key (PKCS#8, AES-256): the password, env:VAR or file:PATH.")
    String keyPassword;

    @Option(names = "--issuer-key-password", paramLabel = "PW",
            description = "Password of the issuing CA's key, if it is encrypted (value, env:VAR or file:PATH).")
    String issuerKeyPassword;

    /** Applies key type, validity and SANs to a spec builder, validating each (nothing is written yet). */
    CertificateSpec.Builder apply(CertificateSpec.Builder builder, int defaultDays) {
        if (keyType != null) {
            builder.keyType(KeyType.parse(keyType));
        }
        builder.subjectAltNames(subjectAltNames());
        Validity validity = validity(defaultDays);
        if (validity != null) {
            builder.validity(validity);
        }
        return builder;
    }

    List<SubjectAltName> subjectAltNames() {
        List<SubjectAltName> result = new ArrayList<>();
        sans.forEach(text -> result.add(SubjectAltName.parse(text)));
        uris.forEach(text -> result.add(SubjectAltName.uri(text)));
        return result;
    }

    /** Explicit bounds when given, otherwise {@code days} (or the default) from now. */
    Validity validity(int defaultDays) {
        Integer count = days(days);
        if (count != null) {
            Validity.days(count); // fails with the field's message when not positive
        }
        if (notBefore == null && notAfter == null) {
            return count == null ? null : Validity.days(count);
        }
        Instant start = notBefore != null ? instant("not-before", notBefore) : Instant.now().minus(Duration.ofMinutes(5));
        Instant end = notAfter != null ? instant("not-after", notAfter)
                : start.plus(Duration.ofDays(count != null ? count : defaultDays));
        return new Validity(start, end);
    }

    char[] keyPassword() {
        return Passwords.resolve("key-password", keyPassword);
    }

    char[] issuerKeyPassword() {
        return Passwords.resolve("issuer-key-password", issuerKeyPassword);
    }

    static Integer days(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            throw PkiException.because(e, "days", "notDays", String.valueOf(text));
        }
    }

    static Instant instant(String field, String text) {
        try {
            return Instant.parse(text.trim());
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(text.trim()).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException e2) {
                throw PkiException.because(e2, field, "notDateTime", String.valueOf(text));
            }
        }
    }
}
