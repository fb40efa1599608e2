package io.mtlslab.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;

/**
 * Checks file modes in tests, independently of the production code under test (whose
 * {@code SecureFiles.isOwnerOnly} answers {@code true} where POSIX modes are not supported).
 */
public final class FileModes {

    private FileModes() {
    }

    /** Asserts {@code file} is {@code rw-------}; aborts (never passes) where the file system has no POSIX modes. */
    public static void assertOwnerOnly(Path file) {
        Set<PosixFilePermission> permissions;
        try {
            permissions = Files.getPosixFilePermissions(file);
        } catch (UnsupportedOperationException e) {
            Assumptions.abort("no POSIX file modes here: cannot check that " + file + " is owner-only");
            return;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(PosixFilePermissions.toString(permissions)).as("mode of " + file).isEqualTo("rw-------");
    }
}
