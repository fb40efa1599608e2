package io.mtlslab.testing;

import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

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
        if (tool.contains(java.io.File.separator)) {
            return Files.isExecutable(Path.of(tool)); // a program the tests built
        }
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
        return run(workingDir, stdin, command, DEFAULT_TIMEOUT);
    }

    /**
     * Runs a command within {@code timeout}; past it the command and every process it started are killed
     * and the test fails. The output is read on its own thread: a tool (or a child it left behind) that
     * keeps stdout open must not hold the test past the timeout.
     */
    public static Result run(Path workingDir, String stdin, List<String> command, Duration timeout) {
        require(command.get(0));
        Process process;
        try {
            ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true);
            if (workingDir != null) {
                builder.directory(workingDir.toFile());
            }
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command.get(0), e);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Thread reader = new Thread(() -> {
            try (InputStream in = process.getInputStream()) {
                in.transferTo(out);
            } catch (IOException e) {
                // the process was killed: what it printed so far is in out
            }
        }, "external-tool-output");
        reader.setDaemon(true);
        reader.start();
        try {
            try (OutputStream in = process.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin.getBytes(StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                // the tool does not read stdin and exited already
            }
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                killTree(process);
                reader.join(TimeUnit.SECONDS.toMillis(5));
                fail(String.join(" ", command) + " did not finish within " + timeout.toSeconds() + " s; printed: "
                        + out.toString(StandardCharsets.UTF_8));
            }
            reader.join(TimeUnit.SECONDS.toMillis(10));
            if (reader.isAlive()) {
                // It exited, but a child it started still holds its output open.
                killTree(process);
                reader.join(TimeUnit.SECONDS.toMillis(5));
            }
            synchronized (out) {
                return new Result(process.exitValue(), out.toString(StandardCharsets.UTF_8));
            }
        } catch (InterruptedException e) {
            killTree(process);
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void killTree(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }
}
