package io.mtlslab.app.welcome;

import io.mtlslab.app.AppContext;
import io.mtlslab.app.call.CallModel;
import io.mtlslab.app.server.ServerModel;

/** The server-and-call half of Quick start (and of the wizard's last steps), through the screens' models. */
public final class QuickStartLinks {

    private QuickStartLinks() {
    }

    /** Starts the secure echo server, then calls it as {@code client} trusting the workspace CA. */
    public static void startServerThenCall(AppContext context, Runnable serverStarted, Runnable callDone,
                                           Runnable failed) {
        ServerModel server = context.model(ServerModel.class, () -> new ServerModel(context));
        server.resetToSecure();
        server.start(() -> {
            serverStarted.run();
            callAs(context, "client", callDone);
        }, failed);
    }

    /** Calls the running echo server as {@code identity} trusting the workspace CA. */
    public static void callAs(AppContext context, String identity, Runnable done) {
        ServerModel server = context.model(ServerModel.class, () -> new ServerModel(context));
        CallModel call = context.model(CallModel.class, () -> new CallModel(context));
        call.target.set(server.serverProperty().get().url());
        call.identity.set(identity);
        call.trust.set(CallModel.Trust.WORKSPACE);
        call.protocols.set(CallModel.PROTOCOLS[0]);
        call.method.set("GET");
        call.call(done);
    }
}
