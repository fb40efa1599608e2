package io.mtlslab.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A Go program from this package's test resources, built with {@code go build} once per test run. */
public final class GoProgram {

    private static final Map<String, Path> BUILT = new HashMap<>();

    private GoProgram() {
    }

    /** The binary built from {@code source} (e.g. {@code seed_client.go}); skips the test when Go is missing. */
    public static synchronized Path build(String source) throws IOException, InterruptedException {
        Path binary = BUILT.get(source);
        if (binary != null) {
            return binary;
        }
        ExternalTool.require("go");
        Path dir = Files.createTempDirectory("mtls-lab-go-" + source.replace(".go", ""));
        try (var in = GoProgram.class.getResourceAsStream(source)) {
            Files.write(dir.resolve("main.go"), in.readAllBytes());
        }
        ProcessBuilder go = new ProcessBuilder("go", "build", "-o", "program", "main.go").directory(dir.toFile())
                .redirectErrorStream(true);
        go.environment().put("GO111MODULE", "off");
        go.environment().putIfAbsent("GOCACHE", System.getProperty("java.io.tmpdir") + "/mtls-lab-go-cache");
        go.environment().putIfAbsent("HOME", System.getProperty("java.io.tmpdir"));
        Process process = go.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(300, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("go build of " + source + " failed: " + output);
        }
        binary = dir.resolve("program");
        BUILT.put(source, binary);
        return binary;
    }
}
