package io.mtlslab.workshop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.mtlslab.text.Texts;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CsvRecordsTest {

    @AfterEach
    void backToEnglish() {
        Texts.use(Locale.ENGLISH);
    }

    static List<CsvRecords.Row> parse(String text) {
        return CsvRecords.parse(text, new ArrayList<>());
    }

    @Test
    void splitsPlainFieldsAndKeepsLineNumbers() {
        List<CsvRecords.Row> rows = parse("name,CN\r\naluno1,Aluno Um\r\n\r\naluno2,Aluno Dois");
        assertThat(rows).extracting(CsvRecords.Row::line).containsExactly(1, 2, 4);
        assertThat(rows.get(1).fields()).containsExactly("aluno1", "Aluno Um");
        assertThat(rows.get(2).fields()).containsExactly("aluno2", "Aluno Dois");
    }

    @Test
    void quotedFieldsHoldCommasDoubledQuotesAndLineBreaks() {
        List<CsvRecords.Row> rows = parse("a,\"Silva, João\",\"diz \"\"oi\"\"\"\n\"two\nlines\",x,\"\"\nlast,1,2\n");
        assertThat(rows.get(0).fields()).containsExactly("a", "Silva, João", "diz \"oi\"");
        assertThat(rows.get(1).fields()).containsExactly("two\nlines", "x", "");
        assertThat(rows.get(2).line()).isEqualTo(4);
    }

    @Test
    void keepsEmptyTrailingFieldsAndDropsTheByteOrderMark() {
        assertThat(parse("\uFEFFname,CN,OU,email\na,b,,\n").get(1).fields()).containsExactly("a", "b", "", "");
        assertThat(parse("\uFEFFname,CN").get(0).fields().get(0)).isEqualTo("name");
    }

    @Test
    void unclosedQuoteFailsAtTheLineItStartsAndKeepsTheRecordsBefore() {
        List<CsvRecords.Row> into = new ArrayList<>();
        assertThatThrownBy(() -> CsvRecords.parse("h1,h2\nok,1\nbad,\"never closed\nmore,2\n", into))
                .isInstanceOfSatisfying(CsvRecords.MalformedCsvException.class, e -> assertThat(e.line()).isEqualTo(3));
        assertThat(into).hasSize(2);
    }

    @Test
    void quoteInsideAnUnquotedFieldOrTextAfterAClosingQuoteIsMalformed() {
        assertThatThrownBy(() -> parse("a,b\"c\n")).isInstanceOf(CsvRecords.MalformedCsvException.class);
        assertThatThrownBy(() -> parse("a,\"b\"c\n")).isInstanceOf(CsvRecords.MalformedCsvException.class);
    }

    @Test
    void aMalformedLineIsExplainedInTheLanguageOfTheMomentItIsShown() {
        CsvRecords.MalformedCsvException unclosed = catchThrowableOfType(
                () -> parse("h1,h2\nbad,\"never closed\n"), CsvRecords.MalformedCsvException.class);

        assertThat(unclosed.getMessage()).isEqualTo("a quoted field that is never closed");
        Texts.use(Texts.PT_BR);
        assertThat(unclosed.getMessage()).isEqualTo("um campo entre aspas que nunca é fechado");
    }
}
