package io.mtlslab.app.common;

import io.mtlslab.pki.SecureFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * The GUI's log file of failures with their full Java stack traces: the banner shows the cause in
 * words, and whoever needs the trace (a bug report) finds it here. Kept small (the newest part only),
 * rewritten atomically and readable by the owner alone, since traces name the user's folders.
 */
public final class ErrorLog {

    static final int MAX_CHARS = 256 * 1024;

    private final Path file;

    public ErrorLog(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    /** Appends {@code failure}'s trace; a log that cannot be written never hides the failure itself. */
    public synchronized boolean append(Throwable failure) {
        try {
            String old = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
            String entry = "=== " + Instant.now() + " " + Thread.currentThread().getName() + "\n"
                    + Problem.stackOf(failure) + "\n";
            String text = old + entry;
            if (text.length() > MAX_CHARS) {
                text = text.substring(text.length() - MAX_CHARS);
            }
            Files.createDirectories(file.toAbsolutePath().getParent());
            SecureFiles.writeSecret(file, text.getBytes(StandardCharsets.UTF_8));
            return true;
        } catch (IOException | RuntimeException e) {
            System.getLogger(ErrorLog.class.getName()).log(System.Logger.Level.WARNING, "cannot write " + file, e);
            return false;
        }
    }
}
