package io.mtlslab.pki;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtlslab.text.Texts;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Revocation reasons in words for people (both languages), ids for the CLI and the CRL. */
class RevocationReasonWordsTest {

    @AfterEach
    void backToEnglish() {
        Texts.use(Locale.ENGLISH);
    }

    @Test
    void everyReasonHasWordsInBothLanguagesNotItsId() {
        for (RevocationReason reason : RevocationReason.values()) {
            String english = reason.message().text(Locale.ENGLISH);
            String portuguese = reason.message().text(Texts.PT_BR);
            assertThat(english).as(reason.name()).isNotEqualTo(reason.id()).doesNotStartWith("revocation.reason.");
            assertThat(portuguese).as(reason.name()).isNotEqualTo(english).doesNotStartWith("revocation.reason.");
        }
        assertThat(RevocationReason.KEY_COMPROMISE.message().text(Locale.ENGLISH)).isEqualTo("Key compromise");
        assertThat(RevocationReason.KEY_COMPROMISE.message().text(Texts.PT_BR)).isEqualTo("Comprometimento da chave");
        assertThat(RevocationReason.KEY_COMPROMISE.id()).isEqualTo("keyCompromise");
    }

    @Test
    void aCrlEntrysReasonIsDescribedInTheCurrentLanguage() {
        Texts.use(Texts.PT_BR);
        assertThat(RevocationReason.describe("superseded")).isEqualTo("Substituído");
        assertThat(RevocationReason.describe("removeFromCRL")).isEqualTo("removeFromCRL");
    }
}
