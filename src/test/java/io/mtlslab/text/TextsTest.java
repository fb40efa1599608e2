package io.mtlslab.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtlslab.cli.MtlsLabCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TextsTest {

    @AfterEach
    void backToEnglish() {
        Texts.use(Locale.ENGLISH);
    }

    @Test
    void aMessageRendersInTheLanguageChosenWhenItIsShown() {
        Message message = Message.of("text.selfTest", Message.of("language.name"));
        Texts.use(Locale.ENGLISH);
        assertThat(message.text()).isEqualTo("Language: English");

        Texts.use(Locale.forLanguageTag("pt-BR"));

        assertThat(message.text()).isEqualTo("Idioma: Português (Brasil)");
        assertThat(message.text(Locale.ENGLISH)).isEqualTo("Language: English");
    }

    @Test
    void anyPortugueseLocaleIsBrazilianPortugueseAndEverythingElseEnglish() {
        assertThat(Texts.parse("pt_BR")).isEqualTo(Texts.PT_BR);
        assertThat(Texts.parse("pt")).isEqualTo(Texts.PT_BR);
        assertThat(Texts.supported(Locale.GERMANY)).isEqualTo(Locale.ENGLISH);
        assertThat(Texts.supported(null)).isEqualTo(Locale.ENGLISH);
    }

    @Test
    void theCommandLineTakesLangBeforeOrAfterTheSubCommand() {
        StringWriter err = new StringWriter();
        PrintWriter errors = new PrintWriter(err, true);

        MtlsLabCommand.commandLine(new PrintWriter(new StringWriter()), errors).execute("--lang", "pt-BR", "list", "--help");
        assertThat(Texts.locale()).isEqualTo(Texts.PT_BR);

        MtlsLabCommand.commandLine(new PrintWriter(new StringWriter()), errors).execute("list", "--lang", "en", "--help");
        assertThat(Texts.locale()).isEqualTo(Locale.ENGLISH);

        int status = MtlsLabCommand.commandLine(new PrintWriter(new StringWriter()), errors).execute("--lang", "fr", "list");
        assertThat(status).isEqualTo(MtlsLabCommand.BAD_INPUT);
        assertThat(err.toString()).contains("--lang must be en or pt-BR, not 'fr'");
    }
    /** LANG=pt_BR.UTF-8 on a machine without that locale: the JVM says English, the user asked for Portuguese. */
    @Test
    void theEnvironmentNamesTheLanguageWhenTheJvmFellBackToEnglish() {
        Locale english = Locale.forLanguageTag("en-US");
        assertThat(Texts.userLocale(java.util.Map.of("LANG", "pt_BR.UTF-8"), english)).isEqualTo(Texts.PT_BR);
        assertThat(Texts.userLocale(java.util.Map.of("LANG", "pt_BR.UTF-8", "LC_ALL", "C"), english)).isEqualTo(english);
        assertThat(Texts.userLocale(java.util.Map.of("LANG", "en_US.UTF-8", "LC_MESSAGES", "pt_BR"), english))
                .isEqualTo(Texts.PT_BR);
        assertThat(Texts.userLocale(java.util.Map.of("LANG", "C.UTF-8"), english)).isEqualTo(english);
        assertThat(Texts.userLocale(java.util.Map.of(), english)).isEqualTo(english);
        // a JVM told its language (-Duser.language, or an installed locale) is believed
        assertThat(Texts.userLocale(java.util.Map.of("LANG", "en_US.UTF-8"), Texts.PT_BR)).isEqualTo(Texts.PT_BR);
    }
}
