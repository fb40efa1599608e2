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
}
