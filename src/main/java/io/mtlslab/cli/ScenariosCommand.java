package io.mtlslab.cli;

import com.fasterxml.jackson.jr.ob.JSON;
import io.mtlslab.pki.Workspace;
import io.mtlslab.scenario.CrlSource;
import io.mtlslab.scenario.ScenarioMatrix;
import io.mtlslab.scenario.ScenarioResult;
import io.mtlslab.scenario.ScenarioResultJson;
import io.mtlslab.scenario.ServerMode;
import io.mtlslab.text.Texts;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mtls-lab scenarios}: the scenario matrix, headless; exit 0 only when every outcome is as expected. */
@Command(name = "scenarios", mixinStandardHelpOptions = true,
        description = {"Run every attack and mistake mTLS must stop against the echo server in one or every server"
                + " mode, and show expected vs actual outcome with the diagnosis.",
            "Exit status: 0 every outcome as expected, 1 an unexpected outcome, 2 bad input."})
final class ScenariosCommand implements Callable<Integer> {

    @Mixin
    WorkspaceOption workspace;

    @Option(names = "--mode", paramLabel = "MODE", description = "all (default), secure, optional, optional-bypass,"
            + " none, inspect, system-trust, legacy-tls or empty-ca-names.")
    String mode = "all";

    @Option(names = "--json", description = "Print the matrix as JSON.")
    boolean json;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        List<ServerMode> modes = "all".equalsIgnoreCase(mode.trim()) ? List.of(ServerMode.values())
                : List.of(ServerMode.parse(mode));
        Workspace ws = workspace.open();
        PrintWriter out = spec.commandLine().getOut();
        ServerMode[] shownMode = {null};
        List<ScenarioResult> results = ScenarioMatrix.run(ws, modes, null, CrlSource.ISSUED,
                (result, done, total) -> {
                    if (!json && result.mode() != shownMode[0]) {
                        // Rows grouped by mode, each group named in words as well as by the id --mode takes.
                        shownMode[0] = result.mode();
                        out.println(Texts.text("cli.scenarios.mode", result.mode().displayName(), result.mode().id(),
                                result.mode().description()));
                    }
                    if (!json) {
                        out.printf("%-16s %-58s %-32s %-48s %s%n", result.mode().id(), result.scenario().label(),
                                result.expected().shortText(), result.actualText(), mark(result));
                        out.flush();
                    }
                });
        if (json) {
            out.println(JSON.std.with(JSON.Feature.PRETTY_PRINT_OUTPUT, JSON.Feature.WRITE_NULL_PROPERTIES)
                    .asString(ScenarioResultJson.toMap(results)));
        } else {
            long failed = results.stream().filter(r -> !r.matchesExpectation()).count();
            long bypasses = results.stream().filter(ScenarioResult::attackSucceeded).count();
            out.println();
            out.println(Texts.text("cli.scenarios.summary", String.valueOf(results.size()), String.valueOf(failed),
                    String.valueOf(bypasses)));
        }
        out.flush();
        return results.stream().allMatch(ScenarioResult::matchesExpectation) ? 0 : 1;
    }

    private static String mark(ScenarioResult result) {
        String status = Texts.text("cli.scenarios.status." + result.status().name());
        return status + (result.attackSucceeded() ? Texts.text("cli.scenarios.attack", result.expected().meaning()) : "");
    }
}
