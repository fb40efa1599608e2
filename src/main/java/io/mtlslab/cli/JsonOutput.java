package io.mtlslab.cli;

import com.fasterxml.jackson.jr.ob.JSON;
import io.mtlslab.text.Message;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/** Renders the core's records as JSON (jackson-jr), with instants as ISO-8601 text and enums by name. */
final class JsonOutput {

    private JsonOutput() {
    }

    static String render(Object value) {
        try {
            return JSON.std.with(JSON.Feature.PRETTY_PRINT_OUTPUT).asString(tree(value));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Records become ordered maps (component order), so the JSON reads in the same order as the text. */
    static Object tree(Object value) {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Message message) {
            // words in the language chosen with --lang; the codes next to them stay stable
            return message.text();
        }
        if (value instanceof TemporalAccessor || value instanceof Enum<?>) {
            return value.toString();
        }
        if (value instanceof Collection<?> collection) {
            var list = new ArrayList<>();
            collection.forEach(item -> list.add(tree(item)));
            return list;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> result = new LinkedHashMap<>();
            map.forEach((k, v) -> result.put(String.valueOf(k), tree(v)));
            return result;
        }
        if (value.getClass().isRecord()) {
            Map<String, Object> result = new LinkedHashMap<>();
            for (RecordComponent component : value.getClass().getRecordComponents()) {
                try {
                    result.put(component.getName(), tree(component.getAccessor().invoke(value)));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
            return result;
        }
        return value.toString();
    }
}
