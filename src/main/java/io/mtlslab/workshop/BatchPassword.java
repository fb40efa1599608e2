package io.mtlslab.workshop;

import java.security.SecureRandom;

/**
 * Generates the password of a student's .p12: 20 base32 characters (100 bits) in groups of four,
 * e.g. {@code K7QF-2XMA-9RTB-WC4P-HJ3N}, easy to read aloud and to type from a sheet of paper.
 */
public final class BatchPassword {

    /** RFC 4648 base32 without the easily confused 0/1/8 — its alphabet is A–Z and 2–7. */
    private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private BatchPassword() {
    }

    public static char[] generate() {
        char[] password = new char[24];
        int j = 0;
        for (int i = 0; i < 20; i++) {
            if (i > 0 && i % 4 == 0) {
                password[j++] = '-';
            }
            password[j++] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return password;
    }
}
