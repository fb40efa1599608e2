package io.mtlslab.pki;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;

/**
 * The root CA's own record of what it issued and revoked, kept apart from the UI's
 * {@code workspace.json} so that losing or repairing the index never loses a revocation: OpenSSL
 * {@code ca}'s {@code index.txt} (one line per certificate: status, expiry, revocation date and
 * reason, serial, identity name, subject) and {@code crlnumber} (the next CRL number, hex).
 *
 * <p>A value, read and written whole; callers hold the workspace lock between reading and writing.
 */
final class CaDatabase {

    static final String INDEX = "index.txt";
    static final String CRL_NUMBER = "crlnumber";

    /** OpenSSL's spelling of the reasons where it differs from RFC 5280's ({@code CACompromise}). */
    private static final Map<RevocationReason, String> OPENSSL_REASON = Map.of(RevocationReason.CA_COMPROMISE,
            "CACompromise");
    private static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter GENERALIZED_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss'Z'",
            Locale.ROOT).withZone(ZoneOffset.UTC);

    /** One line of {@code index.txt}; {@code revokedAt} and {@code reason} only when revoked. */
    record Line(BigInteger serial, Instant notAfter, Instant revokedAt, RevocationReason reason, String name,
                String subject) {

        boolean revoked() {
            return revokedAt != null;
        }

        Revocation revocation() {
            return new Revocation(name, Certificates.serialHex(serial), revokedAt, reason);
        }
    }

    private final Map<BigInteger, Line> lines;
    private final long nextCrlNumber;

    private CaDatabase(Map<BigInteger, Line> lines, long nextCrlNumber) {
        this.lines = lines;
        this.nextCrlNumber = nextCrlNumber;
    }

    /** Reads the database of workspace folder {@code dir}; missing files are an empty database. */
    static CaDatabase read(Path dir) {
        Map<BigInteger, Line> lines = new LinkedHashMap<>();
        long next = 1;
        try {
            Path index = dir.resolve(INDEX);
            if (Files.exists(index)) {
                int number = 0;
                for (String text : Files.readAllLines(index, StandardCharsets.UTF_8)) {
                    number++;
                    if (!text.isBlank()) {
                        Line line = parse(text, index, number);
                        lines.put(line.serial(), line);
                    }
                }
            }
            Path crlNumber = dir.resolve(CRL_NUMBER);
            if (Files.exists(crlNumber)) {
                next = new BigInteger(Files.readString(crlNumber, StandardCharsets.US_ASCII).trim(), 16).longValueExact();
            }
        } catch (NoSuchFileException e) {
            // removed between exists() and the read: as good as absent
        } catch (IOException | ArithmeticException | NumberFormatException e) {
            throw PkiException.because(e, "dir", "caDbUnreadable", INDEX, CRL_NUMBER, String.valueOf(dir),
                    String.valueOf(e.getMessage()));
        }
        return new CaDatabase(lines, next);
    }

    List<Revocation> revocations() {
        return lines.values().stream().filter(Line::revoked).map(Line::revocation).toList();
    }

    /**
     * The serials recorded under identity {@code name} that are neither revoked nor expired at {@code now}:
     * its current certificate and any it replaced (renew, issue --force) that are still valid.
     */
    List<BigInteger> validUnder(String name, Instant now) {
        return lines.values().stream().filter(l -> !l.revoked() && name.equals(l.name()) && l.notAfter().isAfter(now))
                .map(Line::serial).toList();
    }

    boolean isRevoked(BigInteger serial) {
        Line line = lines.get(serial);
        return line != null && line.revoked();
    }

    /** The number the next CRL gets (OpenSSL's {@code crlnumber} holds the next, not the last). */
    long nextCrlNumber() {
        return nextCrlNumber;
    }

    /** This database with certificates recorded as issued (valid); lines already there are kept. */
    CaDatabase withIssued(String name, Collection<X509Certificate> certificates) {
        Map<BigInteger, Line> copy = new LinkedHashMap<>(lines);
        for (X509Certificate certificate : certificates) {
            copy.putIfAbsent(certificate.getSerialNumber(), new Line(certificate.getSerialNumber(),
                    certificate.getNotAfter().toInstant(), null, null, name, subject(certificate)));
        }
        return new CaDatabase(copy, nextCrlNumber);
    }

    /** This database without the lines of {@code serials} (certificates that never left an interrupted store). */
    CaDatabase without(Set<BigInteger> serials) {
        if (serials.stream().noneMatch(lines::containsKey)) {
            return this;
        }
        Map<BigInteger, Line> copy = new LinkedHashMap<>(lines);
        copy.keySet().removeAll(serials);
        return new CaDatabase(copy, nextCrlNumber);
    }

    /** This database with the revocation recorded (an unknown serial gets a line of its own). */
    CaDatabase withRevoked(Revocation revocation, X509Certificate certificate) {
        Map<BigInteger, Line> copy = new LinkedHashMap<>(lines);
        BigInteger serial = new BigInteger(revocation.serialHex(), 16);
        Line known = copy.get(serial);
        Instant notAfter = known != null ? known.notAfter() : certificate != null ? certificate.getNotAfter().toInstant()
                : revocation.revokedAt();
        String subject = known != null ? known.subject() : certificate != null ? subject(certificate) : "";
        String name = revocation.name() != null ? revocation.name() : known != null ? known.name() : "unknown";
        copy.put(serial, new Line(serial, notAfter, revocation.revokedAt().truncatedTo(ChronoUnit.SECONDS),
                revocation.reason(), name, subject));
        return new CaDatabase(copy, nextCrlNumber);
    }

    /** This database with the next CRL number at least {@code atLeast}. */
    CaDatabase withNextCrlNumber(long atLeast) {
        return new CaDatabase(lines, Math.max(nextCrlNumber, atLeast));
    }

    /** Writes {@code index.txt}, {@code index.txt.attr} and {@code crlnumber}, each atomically. */
    void write(Path dir) {
        StringBuilder text = new StringBuilder();
        for (Line line : lines.values()) {
            text.append(line.revoked() ? 'R' : 'V').append('\t').append(time(line.notAfter())).append('\t');
            if (line.revoked()) {
                text.append(UTC_TIME.format(line.revokedAt()));
                if (line.reason() != RevocationReason.UNSPECIFIED) {
                    text.append(',').append(OPENSSL_REASON.getOrDefault(line.reason(), line.reason().id()));
                }
            }
            String serial = line.serial().toString(16).toUpperCase(Locale.ROOT);
            text.append('\t').append(serial.length() % 2 == 1 ? "0" + serial : serial).append('\t')
                    .append(line.name()).append('\t').append(line.subject()).append('\n');
        }
        SecureFiles.write(dir.resolve(INDEX), text.toString().getBytes(StandardCharsets.UTF_8));
        // Renewal keeps the subject, so `openssl ca` must accept repeated subjects in this database.
        SecureFiles.write(dir.resolve(INDEX + ".attr"), "unique_subject = no\n".getBytes(StandardCharsets.US_ASCII));
        String next = Long.toHexString(nextCrlNumber).toUpperCase(Locale.ROOT);
        SecureFiles.write(dir.resolve(CRL_NUMBER), ((next.length() % 2 == 1 ? "0" : "") + next + "\n")
                .getBytes(StandardCharsets.US_ASCII));
    }

    private static Line parse(String text, Path file, int number) {
        String[] fields = text.split("\t", -1);
        if (fields.length < 6 || fields[0].length() != 1 || "VRE".indexOf(fields[0].charAt(0)) < 0) {
            throw PkiException.of("dir", "caDbBadLine", String.valueOf(file), String.valueOf(number));
        }
        try {
            Instant revokedAt = null;
            RevocationReason reason = null;
            if (fields[0].equals("R")) {
                String[] parts = fields[2].split(",", 2);
                revokedAt = parseTime(parts[0]);
                reason = parts.length > 1 ? RevocationReason.parse(parts[1]) : RevocationReason.UNSPECIFIED;
            }
            return new Line(new BigInteger(fields[3], 16), parseTime(fields[1]), revokedAt, reason, fields[4],
                    fields[5]);
        } catch (RuntimeException e) {
            throw PkiException.because(e, "dir", "caDbLineUnreadable", String.valueOf(file), String.valueOf(number),
                    String.valueOf(e.getMessage()));
        }
    }

    /** ASN.1 time as OpenSSL writes it: UTCTime until 2049, GeneralizedTime from 2050 (RFC 5280 4.1.2.5). */
    private static String time(Instant instant) {
        return instant.atZone(ZoneOffset.UTC).getYear() < 2050 ? UTC_TIME.format(instant)
                : GENERALIZED_TIME.format(instant);
    }

    private static Instant parseTime(String text) {
        if (text.length() == 13) {
            LocalDateTime local = LocalDateTime.parse("20" + text.substring(0, 12),
                    DateTimeFormatter.ofPattern("yyyyMMddHHmmss", Locale.ROOT));
            int yy = Integer.parseInt(text.substring(0, 2));
            return local.minusYears(yy >= 50 ? 100 : 0).toInstant(ZoneOffset.UTC);
        }
        return LocalDateTime.parse(text.substring(0, 14), DateTimeFormatter.ofPattern("yyyyMMddHHmmss", Locale.ROOT))
                .toInstant(ZoneOffset.UTC);
    }

    /** The subject in OpenSSL's one-line form ({@code /C=BR/O=.../CN=...}), control characters escaped. */
    private static String subject(X509Certificate certificate) {
        StringBuilder text = new StringBuilder();
        for (RDN rdn : Certificates.x500Name(certificate).getRDNs()) {
            text.append('/').append(BCStyle.INSTANCE.toString(new X500Name(new RDN[] {rdn})));
        }
        return PeerText.escape(text.toString());
    }

    List<Line> lines() {
        return new ArrayList<>(lines.values());
    }
}
