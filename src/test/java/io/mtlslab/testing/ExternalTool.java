package io.mtlslab.testing;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs a real external tool (openssl, curl, keytool, go) for interoperability tests.
 *
 * <p>Where the tool is missing the test is skipped with a message naming it, except under CI
 * ({@code CI=true}), where {@code .ci/run} installed it and a missing tool is a failure.
 */
public final class ExternalTool {

    private ExternalTool() {
    }

    /** Skips (or under CI fails) the calling test when {@code tool} is not on the PATH. */
    public static void require(String tool) {
        if (isAvailable(tool)) {
            return;
        }
        String message = tool + " is not installed; install it to run this interoperability test";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(message + " (CI=true: .ci/run should have installed it)");
        }
        Assumptions.abort(message);
    }

    public static boolean isAvailable(String tool) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    /** What a finished process printed and its exit status. */
    public record Result(int exitCode, String output) {
        public boolean ok() {
            return exitCode == 0;
        }
    }

    /** Runs a command (after {@link #require}) with stdin closed, stderr merged, within 60 s. */
    public static Result run(Path workingDir, String... command) {
        return run(workingDir, null, List.of(command));
    }

    public static Result run(Path workingDir, String stdin, List<String> command) {
        require(command.get(0));
        try {
            ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true);
            if (workingDir != null) {
                builder.directory(workingDir.toFile());
            }
            Process process = builder.start();
            if (stdin != null) {
                process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
            }
            process.getOutputStream().close();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail(String.join(" ", command) + " did not finish within 60 s");
            }
            return new Result(process.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command.get(0), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
