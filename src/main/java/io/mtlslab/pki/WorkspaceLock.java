package io.mtlslab.pki;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The lock every change to a workspace's shared files ({@code workspace.json}, the CA database,
 * {@code crl.pem}, {@code hmac-secrets.json}, {@code passwords.csv}) is made under, so the GUI and
 * several CLI processes can work in one workspace at once without losing each other's records.
 *
 * <p>Two layers: an OS lock ({@link FileChannel#lock()}) on {@code .workspace.lock} keeps other
 * processes out; a per-folder {@link ReentrantLock} keeps other threads of this JVM out (the OS lock
 * belongs to the whole process, and a second {@code lock()} from the same JVM would throw). Re-entrant:
 * a holder may call other locked operations.
 */
final class WorkspaceLock {

    static final String FILE = ".workspace.lock";

    private static final Map<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private WorkspaceLock() {
    }

    /** Runs {@code work} holding the lock of workspace folder {@code dir} (absolute, normalised). */
    static <T> T hold(Path dir, Supplier<T> work) {
        // Keyed by the real path: the JVM refuses (rather than waits for) a second OS lock on the same
        // file, which two spellings of one folder (a symbolic link) would otherwise ask for.
        ReentrantLock threads = IN_PROCESS.computeIfAbsent(realPath(dir), d -> new ReentrantLock());
        threads.lock();
        try {
            if (threads.getHoldCount() > 1) {
                return work.get();
            }
            // An interrupted thread (a cancelled GUI batch) must still be able to record what it has
            // written: FileChannel refuses to work while the interrupt flag is set.
            boolean interrupted = Thread.interrupted();
            try (FileChannel channel = FileChannel.open(dir.resolve(FILE), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
                 FileLock ignored = channel.lock()) {
                return work.get();
            } catch (IOException e) {
                throw PkiException.because(e, "dir", "cannotLock", String.valueOf(dir.resolve(FILE)), String.valueOf(e.getMessage()));
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        } finally {
            threads.unlock();
        }
    }

    private static Path realPath(Path dir) {
        try {
            return dir.toRealPath();
        } catch (IOException e) {
            return dir;
        }
    }
}
