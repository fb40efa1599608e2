package io.mtlslab.app.call;

import io.mtlslab.app.AppContext;
import io.mtlslab.app.server.ServerModel;
import io.mtlslab.call.CallRequest;
import io.mtlslab.call.CallResult;
import io.mtlslab.call.ClientIdentity;
import io.mtlslab.call.TestCall;
import io.mtlslab.call.TrustAnchor;
import io.mtlslab.hmac.HmacSecrets;
import io.mtlslab.pki.Credential;
import io.mtlslab.pki.PkiException;
import io.mtlslab.pki.Workspace;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The test call's inputs as chosen on screen, and the last result (kept across re-renders). */
public final class CallModel {

    /** What the client trusts for the server. */
    public enum Trust { WORKSPACE, SYSTEM, PEM_FILE }

    /** The protocol choices offered, as CallRequest.parseProtocols reads them. */
    public static final String[] PROTOCOLS = {"TLSv1.3, TLSv1.2", "TLSv1.3", "TLSv1.2", "TLSv1.1"};

    /** The identity choice meaning "no client certificate". */
    public static final String NO_IDENTITY = "";

    private final AppContext context;
    public final StringProperty target = new SimpleStringProperty();
    public final StringProperty identity = new SimpleStringProperty("client");
    public final ObjectProperty<Trust> trust = new SimpleObjectProperty<>(Trust.WORKSPACE);
    public final StringProperty trustFile = new SimpleStringProperty("");
    public final StringProperty protocols = new SimpleStringProperty(PROTOCOLS[0]);
    public final StringProperty method = new SimpleStringProperty("GET");
    public final StringProperty body = new SimpleStringProperty("");
    /** Sign the request with the identity's HMAC secret (S6), as a server requiring HMAC expects. */
    public final BooleanProperty signHmac = new SimpleBooleanProperty(false);
    private final ObjectProperty<CallResult> result = new SimpleObjectProperty<>();
    /** True once something the last result depends on changed: the screen marks that result out of date. */
    private final BooleanProperty stale = new SimpleBooleanProperty(false);
    /** True while a call runs; the call can be cancelled (its late answer is then dropped). */
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private javafx.concurrent.Task<CallResult> running;
    /**
     * Identities whose encrypted key the user unlocked with its password for calls, by name: in memory
     * for this session only, never written, forgotten when the workspace or its identities change.
     */
    private final Map<String, Credential> unlocked = new HashMap<>();

    public CallModel(AppContext context) {
        this.context = context;
        target.set("https://localhost:" + context.config().serverPort() + "/");
        ServerModel server = context.model(ServerModel.class, () -> new ServerModel(context));
        Observable[] inputs = {target, identity, trust, trustFile, protocols, method, body, signHmac,
            server.serverProperty(), context.workspaceProperty(), context.workspaceRevisionProperty()};
        for (Observable input : inputs) {
            input.addListener(o -> stale.set(result.get() != null));
        }
        context.workspaceProperty().addListener(o -> unlocked.clear());
        context.workspaceRevisionProperty().addListener(o -> unlocked.clear());
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    /** Gives up waiting for the running call; the screen keeps the previous result, marked out of date. */
    public void cancel() {
        if (running != null && running.cancel()) {
            busy.set(false);
            stale.set(result.get() != null);
        }
    }

    public BooleanProperty staleProperty() {
        return stale;
    }

    public ObjectProperty<CallResult> resultProperty() {
        return result;
    }

    /** The call's inputs as chosen on screen, read on the FX thread so a background task never reads a property. */
    record Inputs(Workspace workspace, String url, String identity, Credential unlockedKey, Trust trust, String trustFile,
                  String protocols, String method, String body, boolean signHmac) {

        /** The call these inputs describe (reads the identity's key and secret: run it in the background). */
        CallRequest request() throws Exception {
            CallRequest.Builder builder = CallRequest.builder(CallRequest.parseUrl(url));
            switch (trust) {
                case SYSTEM -> builder.trust(TrustAnchor.system());
                case PEM_FILE -> builder.trust(TrustAnchor.pemFile(Path.of(trustFile.trim())));
                default -> { }
            }
            if (workspace.hasCa()) {
                builder.workspace(workspace);
            }
            if (identity != null && !identity.isBlank()) {
                builder.identity(unlockedKey != null ? ClientIdentity.unlocked(workspace, identity, unlockedKey)
                        : ClientIdentity.fromWorkspace(workspace, identity, null));
                if (signHmac) {
                    builder.hmacSecret(HmacSecrets.of(workspace).getOrCreate(identity));
                }
            }
            builder.protocols(CallRequest.parseProtocols(protocols)).method(method);
            if (body != null && !body.isEmpty()) {
                builder.body(body);
            }
            return builder.build();
        }
    }

    /** What the screen has chosen now; call on the FX thread. */
    Inputs inputs() {
        return new Inputs(context.workspace(), target.get(), identity.get(), unlocked.get(identity.get()), trust.get(),
                trustFile.get(),
                protocols.get(), method.get(), body.get(), signHmac.get());
    }

    /** Makes the call in the background; the result (success or diagnosis) lands in {@link #resultProperty()}. */
    public void call(Runnable onDone) {
        call(onDone, null);
    }

    /** Keeps the key an identity's password unlocked for this session's calls (call on the FX thread). */
    public void unlock(String name, Credential credential) {
        unlocked.put(name, credential);
    }

    /**
     * As {@link #call(Runnable)}; when the chosen identity's key is encrypted and not unlocked yet,
     * {@code onLocked} gets the identity's name (to ask for its password) instead of an error banner.
     */
    public void call(Runnable onDone, Consumer<String> onLocked) {
        Inputs inputs = inputs();
        String calling = context.text("call.calling", inputs.url());
        busy.set(true);
        running = context.tasks().run(progress -> {
            progress.message(calling);
            return TestCall.run(inputs.request());
        }, done -> {
            busy.set(false);
            result.set(done);
            stale.set(false);
            onDone.run();
        }, failure -> {
            busy.set(false);
            if (onLocked != null && failure instanceof PkiException pki && "keyEncrypted".equals(pki.code())) {
                onLocked.accept(inputs.identity());
            } else {
                context.report(failure);
            }
        });
    }
}
