package io.mtlslab.app;

import java.awt.SplashScreen;

/**
 * The packaged GUI's start-up splash. The GUI launcher starts Java with {@code -splash:} (its .cfg,
 * written by packaging/build.sh), so the java launcher shows the image before it even creates the
 * JVM: a double-click is answered at once, while the JVM and JavaFX take a second to show the main
 * window. The app closes it once that window is on screen.
 *
 * <p>The launcher also sets {@value #PROPERTY}; without it nothing here touches AWT (tests,
 * {@code java -jar}, {@code mvn javafx:run}, the console launcher).
 */
final class Splash {

    static final String PROPERTY = "mtlslab.splash";

    private Splash() {
    }

    /** Whether the launcher's splash is on screen now. */
    static boolean onScreen() {
        SplashScreen splash = splash();
        return splash != null && splash.isVisible();
    }

    /** Closes the splash, off the JavaFX thread (AWT's native call may wait for its own display). */
    static void closeInBackground() {
        if (!Boolean.getBoolean(PROPERTY)) {
            return;
        }
        Thread closer = new Thread(() -> {
            SplashScreen splash = splash();
            if (splash != null) {
                try {
                    splash.close();
                } catch (IllegalStateException alreadyClosed) {
                    // closed by AWT itself
                }
            }
        }, "mtlslab-splash");
        closer.setDaemon(true);
        closer.start();
    }

    private static SplashScreen splash() {
        if (!Boolean.getBoolean(PROPERTY)) {
            return null;
        }
        try {
            return SplashScreen.getSplashScreen();
        } catch (UnsupportedOperationException noDisplay) { // HeadlessException too
            return null;
        }
    }
}
