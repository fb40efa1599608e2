package io.mtlslab.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** G5: every text exists in English and in Brazilian Portuguese. */
class MessagesParityTest {

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessagesParityTest.class.getResourceAsStream("/io/mtlslab/" + name)) {
            assertThat(in).as(name).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    /** The GUI's bundle and the core's (diagnoses, findings, log reasons), each in both languages. */
    private static final String[][] BUNDLES = {
        {"app/messages.properties", "app/messages_pt_BR.properties"},
        {"text/core.properties", "text/core_pt_BR.properties"},
    };

    @Test
    void englishAndPortugueseHaveTheSameKeys() throws IOException {
        for (String[] pair : BUNDLES) {
            Properties english = load(pair[0]);
            Properties portuguese = load(pair[1]);

            assertThat(portuguese.stringPropertyNames()).as(pair[1])
                    .containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
        }
    }

    @Test
    void theGuiAndTheCoreNeverDefineTheSameKey() throws IOException {
        Properties gui = load(BUNDLES[0][0]);
        Properties core = load(BUNDLES[1][0]);

        assertThat(gui.stringPropertyNames()).doesNotContainAnyElementsOf(core.stringPropertyNames());
    }

    @Test
    void noTextIsLeftEmpty() throws IOException {
        for (String bundle : new String[] {BUNDLES[0][0], BUNDLES[0][1], BUNDLES[1][0], BUNDLES[1][1]}) {
            Properties texts = load(bundle);
            assertThat(texts.stringPropertyNames()).allSatisfy(key ->
                    assertThat(texts.getProperty(key)).as(bundle + " " + key).isNotBlank());
        }
    }
}
