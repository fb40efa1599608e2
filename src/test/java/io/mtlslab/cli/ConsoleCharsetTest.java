package io.mtlslab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Portuguese on a machine whose locale is plain C (containers, ssh, cron): accents, not question marks. */
class ConsoleCharsetTest {

    @Test
    void anAsciiLocalePrintsUtf8AndOtherEncodingsAreKept() {
        assertThat(MtlsLabCommand.consoleCharset("ANSI_X3.4-1968")).isEqualTo(StandardCharsets.UTF_8);
        assertThat(MtlsLabCommand.consoleCharset("US-ASCII")).isEqualTo(StandardCharsets.UTF_8);
        assertThat(MtlsLabCommand.consoleCharset("UTF-8")).isNull();
        assertThat(MtlsLabCommand.consoleCharset("ISO-8859-1")).isNull();
        assertThat(MtlsLabCommand.consoleCharset(null)).isNull();
        assertThat(MtlsLabCommand.consoleCharset("no-such-charset")).isNull();
    }

    @Test
    void portugueseHelpUnderTheCLocaleKeepsItsAccents() throws Exception {
        ProcessBuilder process = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), "io.mtlslab.Main", "--lang", "pt-BR", "ca", "create", "--help"))
                .redirectErrorStream(true);
        process.environment().remove("LANG");
        process.environment().remove("LANGUAGE");
        process.environment().put("LC_ALL", "C");
        Process started = process.start();
        byte[] output = started.getInputStream().readAllBytes();
        assertThat(started.waitFor(60, TimeUnit.SECONDS)).isTrue();

        String text = new String(output, StandardCharsets.UTF_8);
        assertThat(text).contains("Uso:", "padrão").doesNotContain("padr?o");
    }

    /** LANG=pt_BR.UTF-8 where that locale is not installed (the JVM falls back to English and ASCII). */
    @Test
    void aPortugueseLangWithoutItsLocaleInstalledStillSpeaksPortuguese() throws Exception {
        ProcessBuilder process = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), "io.mtlslab.Main", "ca", "create", "--help"))
                .redirectErrorStream(true);
        process.environment().remove("LC_ALL");
        process.environment().remove("LC_MESSAGES");
        process.environment().put("LANG", "pt_BR.UTF-8");
        process.environment().put("LOCPATH", "/nonexistent"); // the locale cannot be found, installed or not
        Process started = process.start();
        byte[] output = started.getInputStream().readAllBytes();
        assertThat(started.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(new String(output, StandardCharsets.UTF_8)).contains("Uso:", "padrão");
    }
}
