package io.mtlslab.scenario;

import com.fasterxml.jackson.jr.ob.JSON;
import io.mtlslab.diagnose.Diagnosis;
import io.mtlslab.diagnose.DiagnosisCode;
import io.mtlslab.diagnose.Side;
import io.mtlslab.server.TlsProviderChoice;
import io.mtlslab.text.Message;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The matrix's TLS 1.1 cells run in a child Java process, for a process whose Java runtime already
 * refuses TLS 1.0/1.1 (it read {@code jdk.tls.disabledAlgorithms} at its first TLS connection, as the
 * GUI does long before a matrix runs). The child is a fresh runtime of the same installation and class
 * path running the hidden command {@value #COMMAND}: it lifts the ban, starts each mode's echo server on
 * the same TLS provider, makes the TLS 1.1 call and writes the cells as JSON; this side reads them back
 * into the same {@link ScenarioResult}s the matrix makes in-process (without the {@code call} details).
 */
public final class LegacyTlsChild {

    /** The hidden command the child runs: {@code mtls-lab legacy-tls-cells}. */
    public static final String COMMAND = "legacy-tls-cells";
    private static final String MAIN_CLASS = "io.mtlslab.Main";
    private static final long TIMEOUT_SECONDS = 120;

    private final Process process;
    private final Path output;
    private final Path folder;
    private final List<ServerMode> modes;
    private Map<ServerMode, ScenarioResult> results;

    private LegacyTlsChild(Process process, Path folder, Path output, List<ServerMode> modes) {
        this.process = process;
        this.folder = folder;
        this.output = output;
        this.modes = modes;
    }

    /** Starts the child for the TLS 1.1 cell of each of {@code modes}; it runs while the matrix goes on. */
    static LegacyTlsChild start(ScenarioCredentials credentials, List<ServerMode> modes) throws IOException {
        Path folder = Files.createTempDirectory("mtls-lab-legacy-tls");
        Path output = folder.resolve("cells.json");
        List<String> command = new ArrayList<>(launcher());
        command.add(COMMAND);
        command.addAll(List.of("--scratch", credentials.scratch().dir().toString(), "--out", output.toString(),
                "--tls-provider", TlsProviderChoice.processDefault().id()));
        if (credentials.crlFile() != null) {
            command.addAll(List.of("--crl", credentials.crlFile().toString()));
        }
        modes.forEach(mode -> command.add(mode.id()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(folder.resolve("child.log").toFile()).start();
        return new LegacyTlsChild(process, folder, output, modes);
    }

    /**
     * The runtime that runs this process: {@code java} with this class path and the app's main class, or
     * a jpackage launcher, which runs the app's main class itself (with arguments: the command line).
     */
    static List<String> launcher() {
        String command = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String name = Path.of(command).getFileName().toString();
        if (name.matches("(?i)javaw?(\\.exe)?")) {
            return List.of(command, "-cp", System.getProperty("java.class.path"), "-Djava.awt.headless=true", MAIN_CLASS);
        }
        return List.of(command);
    }

    /**
     * The cell of {@code mode}, waiting for the child if it is still running; {@code null} when the child
     * failed, so the matrix shows the cell as not available rather than guess.
     */
    ScenarioResult result(ServerMode mode, ScenarioCredentials credentials) {
        if (results == null) {
            results = collect(credentials);
        }
        return results.get(mode);
    }

    private Map<ServerMode, ScenarioResult> collect(ScenarioCredentials credentials) {
        Map<ServerMode, ScenarioResult> cells = new EnumMap<>(ServerMode.class);
        try {
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return cells;
            }
            if (process.exitValue() != 0 || !Files.exists(output)) {
                return cells;
            }
            Object root = JSON.std.anyFrom(Files.readString(output, StandardCharsets.UTF_8));
            if (root instanceof Map<?, ?> map && map.get("cells") instanceof List<?> list) {
                for (Object item : list) {
                    ScenarioResult cell = cell((Map<?, ?>) item, credentials);
                    if (modes.contains(cell.mode())) {
                        cells.put(cell.mode(), cell);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        } catch (IOException | RuntimeException e) {
            return new EnumMap<>(ServerMode.class); // unreadable: no cell is better than a wrong one
        }
        return cells;
    }

    /** Stops the child if it still runs and removes its files. */
    void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
        try (var files = Files.list(folder)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(folder);
        } catch (IOException e) {
            // a temporary folder left behind holds no secret: the cells and the child's log only
        }
    }

    // ---- the child's side

    /**
     * In the child: lifts this runtime's TLS 1.0/1.1 ban, runs the TLS 1.1 cell of each mode against
     * the scratch area's credentials, and returns them as JSON for {@link #start}'s reader.
     */
    public static String runHere(Path scratch, Path crlFile, TlsProviderChoice provider, List<ServerMode> modes) {
        ScenarioCredentials credentials = ScenarioCredentials.reopen(scratch, crlFile);
        List<ScenarioResult> results = ScenarioMatrix.runCells(credentials, modes, Scenario.TLS11_ONLY_CLIENT, provider);
        List<Object> cells = new ArrayList<>();
        for (ScenarioResult result : results) {
            Map<String, Object> cell = new LinkedHashMap<>();
            cell.put("mode", result.mode().id());
            cell.put("actual", result.actual().name());
            cell.put("actualMessage", toJson(result.actualMessage()));
            Diagnosis diagnosis = result.diagnosis();
            if (diagnosis != null) {
                Map<String, Object> d = new LinkedHashMap<>();
                d.put("code", diagnosis.code().name());
                d.put("side", diagnosis.side().name());
                d.put("summary", toJson(diagnosis.summaryMessage()));
                d.put("cause", toJson(diagnosis.causeMessage()));
                d.put("fix", toJson(diagnosis.fixMessage()));
                d.put("raw", diagnosis.rawMessage());
                d.put("elsewhere", diagnosis.elsewhere());
                cell.put("diagnosis", d);
            }
            cells.add(cell);
        }
        try {
            return JSON.std.with(JSON.Feature.WRITE_NULL_PROPERTIES).asString(Map.of("cells", cells));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ScenarioResult cell(Map<?, ?> cell, ScenarioCredentials credentials) {
        ServerMode mode = ServerMode.parse((String) cell.get("mode"));
        Outcome actual = Outcome.valueOf((String) cell.get("actual"));
        Diagnosis diagnosis = null;
        if (cell.get("diagnosis") instanceof Map<?, ?> d) {
            Map<String, String> elsewhere = new LinkedHashMap<>();
            if (d.get("elsewhere") instanceof Map<?, ?> tools) {
                tools.forEach((tool, text) -> elsewhere.put(String.valueOf(tool), String.valueOf(text)));
            }
            diagnosis = new Diagnosis(DiagnosisCode.valueOf((String) d.get("code")), Side.valueOf((String) d.get("side")),
                    fromJson(d.get("summary")), fromJson(d.get("cause")), fromJson(d.get("fix")), (String) d.get("raw"),
                    elsewhere);
        }
        // the child lifted the ban, so the expectation is the one of a runtime that speaks TLS 1.1
        return ScenarioMatrix.result(mode, Scenario.TLS11_ONLY_CLIENT,
                ScenarioMatrix.Expectations.of(Scenario.TLS11_ONLY_CLIENT, mode, true, credentials.revocationAvailable()),
                actual, fromJson(cell.get("actualMessage")), diagnosis, null);
    }

    /** A message as JSON: its key and arguments, nested messages as objects, other values as they print. */
    private static Object toJson(Object value) {
        if (value instanceof Message message) {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("key", message.key());
            map.put("args", message.args().stream().map(LegacyTlsChild::toJson).toList());
            return map;
        }
        return value == null || value instanceof String || value instanceof Number || value instanceof Boolean
                ? value : value.toString();
    }

    private static Message fromJson(Object json) {
        if (!(json instanceof Map<?, ?> map)) {
            return null;
        }
        List<Object> args = new ArrayList<>();
        if (map.get("args") instanceof List<?> list) {
            for (Object arg : list) {
                args.add(arg instanceof Map<?, ?> ? fromJson(arg) : arg);
            }
        }
        return new Message((String) map.get("key"), args);
    }
}
