package io.mtlslab.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Linux app image's sh launchers (packaging/linux/write-launcher.sh, run by build.sh in place
 * of jpackage's native launchers, which asked dpkg and rpm who owns them before every start) hand
 * the runtime's java exactly what the .cfg says, resolve $APPDIR from their real location through a
 * symbolic link and a folder name with spaces and quotes, pass the user's arguments untouched, map a
 * class-data archive only where it exists, and leave stdin, stdout and the exit status to the JVM. The "java" here is a script that prints what
 * it got, so no runtime is needed; packaging/smoke-test.sh runs the real image.
 */
class LinuxLauncherTest {

    @TempDir
    Path dir;
    Path image;

    @BeforeEach
    void fakeImage() throws IOException {
        assumeTrue(System.getProperty("os.name").startsWith("Linux"), "the sh launchers are Linux's");
        image = dir.resolve("it's \"mTLS Lab\" $HOME");
        Files.createDirectories(image.resolve("bin"));
        Files.createDirectories(image.resolve("lib/app"));
        Path java = Files.createDirectories(image.resolve("lib/runtime/bin")).resolve("java");
        // One argument a line, then the environment the launcher left, then stdin; exits 7.
        Files.writeString(java, """
                #!/bin/sh
                for arg in "$@"; do printf 'arg:%s\\n' "$arg"; done
                echo "JDK_JAVA_OPTIONS=${JDK_JAVA_OPTIONS-unset}"
                cat
                exit 7
                """);
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(image.resolve("lib/app/mTLS Lab.cfg"), """
                [Application]
                app.classpath=$APPDIR/mtls-lab.jar
                app.mainclass=io.mtlslab.Main
                app.classpath=$APPDIR/picocli-4.7.7.jar

                [JavaOptions]
                java-options=-XX:SharedArchiveFile=$APPDIR/mtls-lab-gui.jsa
                java-options=-Djpackage.app-version=0.1.0
                java-options=-Dquoted=it's "$ROOTDIR" in $BINDIR
                java-options=-Xmx160m
                """);
    }

    @Test
    void startsTheRuntimeWithTheCfgsOptionsFromTheLaunchersRealFolder() throws Exception {
        Files.writeString(image.resolve("lib/app/mtls-lab-gui.jsa"), "an archive");
        Path launcher = write("mTLS Lab");
        Path link = Files.createSymbolicLink(Files.createDirectories(dir.resolve("usr bin")).resolve("mtls-lab"), launcher);

        Run run = run(List.of(link.toString(), "serve", "--dir", "a folder/with 'quotes' and $HOME", "", "@args", "*"),
                "line on stdin\n", "JDK_JAVA_OPTIONS", "-Dfrom.the.environment=1");

        String root = image.toRealPath().toString();
        String app = root + "/lib/app";
        assertThat(run.exit()).isEqualTo(7);
        assertThat(run.out().lines().toList()).containsExactly(
                "arg:-XX:SharedArchiveFile=" + app + "/mtls-lab-gui.jsa",
                "arg:-Djpackage.app-version=0.1.0",
                "arg:-Dquoted=it's \"" + root + "\" in " + root + "/bin",
                "arg:-Xmx160m",
                "arg:-Djpackage.app-path=" + root + "/bin/mTLS Lab",
                "arg:-cp",
                "arg:" + app + "/mtls-lab.jar:" + app + "/picocli-4.7.7.jar",
                "arg:io.mtlslab.Main",
                "arg:serve", "arg:--dir", "arg:a folder/with 'quotes' and $HOME", "arg:", "arg:@args", "arg:*",
                "JDK_JAVA_OPTIONS=unset",
                "line on stdin");
    }

    @Test
    void aMissingClassDataArchiveIsNotMappedSoThatATrainingRunCanMakeIt() throws Exception {
        Path launcher = write("mTLS Lab");

        Run run = run(List.of(launcher.toString(), "--version"), "");

        assertThat(run.out().lines().toList()).startsWith("arg:-Djpackage.app-version=0.1.0")
                .noneMatch(line -> line.contains("SharedArchiveFile"));
    }

    @Test
    void theLauncherIsPosixShAndRunsNoPackageManager() throws Exception {
        String script = Files.readString(write("mTLS Lab"));

        assertThat(script).startsWith("#!/bin/sh\n").contains("exec \"$ROOTDIR/lib/runtime/bin/java\"");
        assertThat(script.lines().filter(line -> !line.startsWith("#")))
                .noneMatch(line -> line.contains("dpkg") || line.contains("rpm") || line.contains("[["));
        Process check = new ProcessBuilder("sh", "-n", image.resolve("bin/mTLS Lab").toString())
                .redirectErrorStream(true).start();
        assertThat(check.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isEmpty();
        assertThat(check.exitValue()).isZero();
    }

    @Test
    void aCfgWithAModuleOrDefaultArgumentsIsRefusedRatherThanHalfHonoured() throws Exception {
        Path cfg = image.resolve("lib/app/mTLS Lab.cfg");
        Files.writeString(cfg, Files.readString(cfg).replace("[JavaOptions]", "arguments=--fast\n\n[JavaOptions]"));

        Run run = run(List.of("bash", "packaging/linux/write-launcher.sh", cfg.toString(),
                image.resolve("bin/mTLS Lab").toString()), "");

        assertThat(run.exit()).isNotZero();
        assertThat(run.out()).contains("arguments");
        assertThat(image.resolve("bin/mTLS Lab")).doesNotExist();
    }

    private Path write(String name) throws Exception {
        Path launcher = image.resolve("bin").resolve(name);
        Run run = run(List.of("bash", "packaging/linux/write-launcher.sh",
                image.resolve("lib/app").resolve(name + ".cfg").toString(), launcher.toString()), "");
        assertThat(run.exit()).as(run.out()).isZero();
        assertThat(Files.isExecutable(launcher)).isTrue();
        return launcher;
    }

    private record Run(int exit, String out) {
    }

    private static Run run(List<String> command, String stdin, String... environment) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true);
        for (int i = 0; i < environment.length; i += 2) {
            builder.environment().put(environment[i], environment[i + 1]);
        }
        Process process = builder.start();
        process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), out);
    }
}
