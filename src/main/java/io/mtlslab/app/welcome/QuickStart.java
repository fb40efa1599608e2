package io.mtlslab.app.welcome;

import io.mtlslab.app.AppContext;
import io.mtlslab.app.wizard.WizardModel;
import io.mtlslab.pki.CertificateSpec;
import io.mtlslab.pki.SeedSet;
import io.mtlslab.pki.Workspace;
import java.lang.System.Logger.Level;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;

/**
 * One click from nothing to a working mTLS call: the wizard's steps with the seed's defaults and
 * fast EC P-256 keys — CA, server, client, echo server started, first call — ending on the test
 * call's result. Identities already in the workspace are kept and used, never replaced.
 */
public final class QuickStart {

    public static final List<String> STEPS = List.of("quick.step.ca", "quick.step.server", "quick.step.client",
            "quick.step.start", "quick.step.call");

    private static final System.Logger LOG = System.getLogger(QuickStart.class.getName());

    private final AppContext context;
    private final IntegerProperty step = new SimpleIntegerProperty(-1);
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final BooleanProperty finished = new SimpleBooleanProperty();

    public QuickStart(AppContext context) {
        this.context = context;
    }

    public IntegerProperty stepProperty() {
        return step;
    }

    public BooleanProperty runningProperty() {
        return running;
    }

    public BooleanProperty finishedProperty() {
        return finished;
    }

    public void run() {
        Workspace workspace = context.workspace();
        WizardModel defaults = new WizardModel();
        defaults.useFastKeys();
        CertificateSpec ca = defaults.caSpec();
        CertificateSpec server = defaults.serverSpec();
        CertificateSpec client = defaults.clientSpec();
        running.set(true);
        finished.set(false);
        step.set(0);
        long clicked = System.nanoTime();
        context.tasks().run(progress -> {
            // `mtls-lab init`'s code path: the missing identities made at once, the ones there kept.
            progress.update(0, 5, context.text("quick.step.ca"));
            SeedSet.complete(workspace, ca, server, client);
            return workspace;
        }, done -> {
            context.workspaceChanged();
            step.set(3);
            QuickStartLinks.startServerThenCall(context, () -> step.set(4), () -> {
                step.set(5);
                running.set(false);
                finished.set(true);
                context.navigate("call");
                LOG.log(Level.INFO, () -> "quick start: from click to the call's outcome in "
                        + (System.nanoTime() - clicked) / 1_000_000 + " ms");
            }, () -> running.set(false));
        }, failure -> {
            running.set(false);
            context.report(failure);
        });
    }
}
