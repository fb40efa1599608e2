package io.mtlslab.workshop;

import io.mtlslab.text.Message;
import java.util.ArrayList;
import java.util.List;

/**
 * A minimal RFC 4180 reader for the batch CSV: comma-separated fields, fields in double quotes may
 * hold commas, line breaks and doubled quotes ({@code ""}); CRLF or LF line ends; blank lines skipped.
 *
 * <p>Hand-written because the project has no CSV library (jackson-jr does not read CSV) and the
 * format needed is this small. Each record keeps the line number it starts on, so that a bad row is
 * reported where the user sees it in an editor.
 */
final class CsvRecords {

    /** One CSV record and the 1-based line it starts on. */
    record Row(int line, List<String> fields) {
    }

    /** The text could not be split into records; {@code line} is where the problem starts. */
    static final class MalformedCsvException extends RuntimeException {
        private final int line;

        private final Message reason;

        MalformedCsvException(int line, Message reason) {
            super(reason.key());
            this.line = line;
            this.reason = reason;
        }

        int line() {
            return line;
        }

        /** What is wrong with the line, rendered in the reader's language when shown. */
        Message reason() {
            return reason;
        }

        @Override
        public String getMessage() {
            return reason.text();
        }
    }

    private CsvRecords() {
    }

    /**
     * Splits {@code text} into records. An unterminated quoted field fails with the line the field
     * starts on; the records before it are not lost by the caller, who gets them from {@code into}.
     */
    static List<Row> parse(String text, List<Row> into) {
        String content = text.startsWith("\uFEFF") ? text.substring(1) : text; // Excel's UTF-8 BOM
        int line = 1;
        int recordLine = 1;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean fieldWasQuoted = false;
        int quoteStartLine = 0;
        int i = 0;
        while (i < content.length()) {
            char c = content.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < content.length() && content.charAt(i + 1) == '"') {
                        field.append('"');
                        i += 2;
                        continue;
                    }
                    quoted = false;
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
                i++;
                continue;
            }
            switch (c) {
                case '"' -> {
                    if (field.length() > 0 || fieldWasQuoted) {
                        throw new MalformedCsvException(line, Message.of("batch.csv.quoteInField"));
                    }
                    quoted = true;
                    fieldWasQuoted = true;
                    quoteStartLine = line;
                }
                case ',' -> {
                    fields.add(field.toString());
                    field.setLength(0);
                    fieldWasQuoted = false;
                }
                case '\r' -> {
                    // part of CRLF; a lone CR is treated the same
                }
                case '\n' -> {
                    endRecord(into, recordLine, fields, field, fieldWasQuoted);
                    fields = new ArrayList<>();
                    field.setLength(0);
                    fieldWasQuoted = false;
                    line++;
                    recordLine = line;
                }
                default -> {
                    if (fieldWasQuoted) {
                        throw new MalformedCsvException(line, Message.of("batch.csv.textAfterQuote"));
                    }
                    field.append(c);
                }
            }
            i++;
        }
        if (quoted) {
            throw new MalformedCsvException(quoteStartLine, Message.of("batch.csv.unclosedQuote"));
        }
        endRecord(into, recordLine, fields, field, fieldWasQuoted);
        return into;
    }

    private static void endRecord(List<Row> into, int line, List<String> fields, StringBuilder field,
                                  boolean fieldWasQuoted) {
        if (fields.isEmpty() && field.length() == 0 && !fieldWasQuoted) {
            return; // blank line
        }
        List<String> complete = new ArrayList<>(fields);
        complete.add(field.toString());
        into.add(new Row(line, List.copyOf(complete)));
    }
}
