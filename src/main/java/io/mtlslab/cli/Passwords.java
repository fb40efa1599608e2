package io.mtlslab.cli;

import io.mtlslab.pki.PkiException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a password option: the value itself, {@code env:VAR} (from the environment) or
 * {@code file:PATH} (first line of a file), so that secrets need not appear on the command line or
 * in shell history. Passwords are never printed.
 */
final class Passwords {

    private Passwords() {
    }

    /** The password, or {@code null} when the option was not given. */
    static char[] resolve(String option, String value) {
        if (value == null) {
            return null;
        }
        if (value.startsWith("env:")) {
            String variable = value.substring(4);
            String secret = System.getenv(variable);
            if (secret == null || secret.isEmpty()) {
                throw PkiException.of(option, "envUnset", variable);
            }
            return secret.toCharArray();
        }
        if (value.startsWith("file:")) {
            Path file = Path.of(value.substring(5));
            try {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                int newline = text.indexOf('\n');
                String line = (newline >= 0 ? text.substring(0, newline) : text).replace("\r", "");
                if (line.isEmpty()) {
                    throw PkiException.of(option, "passwordFileEmpty", String.valueOf(file));
                }
                return line.toCharArray();
            } catch (IOException e) {
                throw PkiException.because(e, option, "passwordFileUnreadable", String.valueOf(file));
            }
        }
        if (value.isEmpty()) {
            throw PkiException.of(option, "passwordEmpty");
        }
        return value.toCharArray();
    }
}
