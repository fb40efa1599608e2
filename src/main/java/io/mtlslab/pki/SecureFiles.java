package io.mtlslab.pki;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The one place that writes files: atomically (temp file in the same folder, then rename), and
 * owner-only for secrets where the file system knows POSIX permissions.
 */
public final class SecureFiles {

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> PUBLIC = PosixFilePermissions.fromString("rw-r--r--");

    private SecureFiles() {
    }

    /** Writes a public file (certificate, CRL, index). */
    public static void write(Path target, byte[] content) {
        write(target, content, false);
    }

    /** Writes a private key or keystore: readable by the owner only. */
    public static void writeSecret(Path target, byte[] content) {
        write(target, content, true);
    }

    private static void write(Path target, byte[] content, boolean secret) {
        Path folder = target.toAbsolutePath().getParent();
        Path temp = null;
        try {
            Files.createDirectories(folder);
            temp = Files.createTempFile(folder, "." + target.getFileName() + ".", ".tmp");
            // createTempFile makes owner-only files; public ones (certificates, CRLs) must stay readable.
            setPermissions(temp, secret ? OWNER_ONLY : PUBLIC);
            Files.write(temp, content);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            temp = null;
        } catch (IOException e) {
            throw PkiException.because(e, null, "cannotWrite", String.valueOf(target), String.valueOf(e.getMessage()));
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // the write already failed; that failure is the one worth reporting
                }
            }
        }
    }

    /** Removes a file that no longer belongs to the workspace (e.g. the key of a replaced certificate). */
    public static void delete(Path target) {
        try {
            Files.deleteIfExists(target);
        } catch (IOException e) {
            throw PkiException.because(e, null, "cannotDelete", String.valueOf(target), String.valueOf(e.getMessage()));
        }
    }

    /** Fails if any of the files exists, naming the first, unless {@code overwrite}. */
    public static void requireAbsent(boolean overwrite, Path... targets) {
        if (overwrite) {
            return;
        }
        for (Path target : targets) {
            if (Files.exists(target)) {
                throw PkiException.of("force", "exists", target.getFileName().toString(),
                        String.valueOf(target.getParent()));
            }
        }
    }

    public static boolean isOwnerOnly(Path path) {
        try {
            return Files.getPosixFilePermissions(path).equals(OWNER_ONLY);
        } catch (UnsupportedOperationException e) {
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void setPermissions(Path path, Set<PosixFilePermission> permissions) throws IOException {
        try {
            Files.setPosixFilePermissions(path, permissions);
        } catch (UnsupportedOperationException e) {
            // Windows: the per-user folder's ACL already keeps others out.
        }
    }

    static void createIfAbsent(Path folder) {
        try {
            Files.createDirectories(folder);
        } catch (FileAlreadyExistsException e) {
            throw PkiException.because(e, "dir", "dirIsFile", String.valueOf(folder));
        } catch (IOException e) {
            throw PkiException.because(e, "dir", "cannotCreateDir", String.valueOf(folder), String.valueOf(e.getMessage()));
        }
    }
}
