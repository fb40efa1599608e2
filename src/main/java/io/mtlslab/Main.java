package io.mtlslab;

import io.mtlslab.app.MtlsLabApp;
import io.mtlslab.cli.MtlsLabCommand;

/**
 * Entry point: with no arguments opens the GUI, otherwise runs the command line.
 *
 * <p>Not an {@code Application} subclass on purpose, so that the JavaFX runtime may sit on the
 * class path ({@code java -jar target/mtls-lab.jar}).
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            MtlsLabApp.launchApp(args);
        } else {
            System.exit(MtlsLabCommand.run(args));
        }
    }
}
