package io.mtlslab;

import io.mtlslab.app.MtlsLabApp;
import io.mtlslab.app.SmokeExit;
import io.mtlslab.cli.MtlsLabCommand;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Entry point: with no arguments opens the GUI, otherwise runs the command line.
 *
 * <p>Not an {@code Application} subclass on purpose, so that the JavaFX runtime may sit on the
 * class path ({@code java -jar target/mtls-lab.jar}).
 *
 * <p>One exception to "arguments mean the CLI": a single argument naming an existing certificate,
 * key, CSR or PKCS#12 file opens the GUI to inspect it. That is how the desktop hands over a file
 * the user double-clicked (the installers associate .pem, .crt, .cer and .p12 with the app).
 */
public final class Main {

    /** System property holding the absolute path of the file the GUI should open in the inspector. */
    public static final String OPEN_FILE_PROPERTY = "mtlslab.openFile";

    private static final Set<String> INSPECTABLE = Set.of("pem", "crt", "cer", "p12", "pfx", "der", "key", "csr");

    private Main() {
    }

    public static void main(String[] args) {
        Optional<Path> opened = fileToInspect(args);
        if (args.length == 0 || opened.isPresent()) {
            opened.ifPresent(file -> System.setProperty(OPEN_FILE_PROPERTY, file.toString()));
            SmokeExit.armIfRequested();
            MtlsLabApp.launchApp(args);
        } else {
            System.exit(MtlsLabCommand.run(args));
        }
    }

    /** The file a desktop "open with" handed over, when the arguments are exactly one such file. */
    static Optional<Path> fileToInspect(String... args) {
        if (args.length != 1 || args[0].startsWith("-")) {
            return Optional.empty();
        }
        Path file;
        try {
            file = Path.of(args[0]).toAbsolutePath().normalize();
        } catch (RuntimeException invalidPath) {
            return Optional.empty();
        }
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        String extension = name.substring(name.lastIndexOf('.') + 1);
        return name.contains(".") && INSPECTABLE.contains(extension) && Files.isRegularFile(file)
                ? Optional.of(file) : Optional.empty();
    }
}
