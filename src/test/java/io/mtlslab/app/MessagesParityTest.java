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
        try (InputStream in = MessagesParityTest.class.getResourceAsStream("/io/mtlslab/app/" + name)) {
            assertThat(in).as(name).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    @Test
    void englishAndPortugueseHaveTheSameKeys() throws IOException {
        Properties english = load("messages.properties");
        Properties portuguese = load("messages_pt_BR.properties");

        assertThat(portuguese.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
    }

    @Test
    void noTextIsLeftEmpty() throws IOException {
        for (String bundle : new String[] {"messages.properties", "messages_pt_BR.properties"}) {
            Properties texts = load(bundle);
            assertThat(texts.stringPropertyNames()).allSatisfy(key ->
                    assertThat(texts.getProperty(key)).as(bundle + " " + key).isNotBlank());
        }
    }
}
