package io.mtlslab.tls;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Chains a trust decision accepted, remembered so that the same chain is not validated again on every
 * handshake. The key is the SHA-256 fingerprints of the chain as sent plus whatever else the decision
 * depended on (e.g. the host name checked against the server's names). An entry is good until the
 * earliest notAfter in its chain, and only for the same {@code snapshot} of the inputs that can change
 * under it (e.g. the CRL list, compared by identity: a reloaded list is a new one). Refusals are never
 * remembered: their reasons must stay current. Past {@code capacity} the least recently used go first.
 */
final class TrustedChains {

    private record Entry(Instant until, Object snapshot) {
    }

    private final Map<ByteBuffer, Entry> entries;
    private final AtomicLong hits = new AtomicLong();

    TrustedChains(int capacity) {
        entries = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<ByteBuffer, Entry> eldest) {
                return size() > capacity;
            }
        });
    }

    /** The key of {@code chain} as judged with {@code context} (may be empty). */
    static ByteBuffer key(X509Certificate[] chain, String context) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            byte[] extra = context.getBytes(StandardCharsets.UTF_8);
            ByteBuffer key = ByteBuffer.allocate(32 * chain.length + extra.length);
            for (X509Certificate certificate : chain) {
                key.put(sha256.digest(certificate.getEncoded()));
            }
            return key.put(extra).flip();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }

    /** Whether the chain under {@code key} was trusted with this very {@code snapshot} and has not expired. */
    boolean contains(ByteBuffer key, Object snapshot, Instant now) {
        Entry entry = entries.get(key);
        if (entry != null && entry.snapshot() == snapshot && now.isBefore(entry.until())) {
            hits.incrementAndGet();
            return true;
        }
        return false;
    }

    void add(ByteBuffer key, X509Certificate[] chain, Object snapshot) {
        Instant earliest = Instant.MAX;
        for (X509Certificate certificate : chain) {
            Instant notAfter = certificate.getNotAfter().toInstant();
            earliest = notAfter.isBefore(earliest) ? notAfter : earliest;
        }
        entries.put(key, new Entry(earliest, snapshot));
    }

    /** How many checks were answered from memory (for tests and benchmarks). */
    long hits() {
        return hits.get();
    }
}
