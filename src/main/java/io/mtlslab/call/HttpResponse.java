package io.mtlslab.call;

import java.util.List;
import java.util.Map;

/** The HTTP answer of a call: status, headers (in order, repeated names kept) and the body as text. */
public record HttpResponse(int status, String reason, List<Map.Entry<String, String>> headers, String body) {

    public HttpResponse {
        headers = List.copyOf(headers);
        body = body == null ? "" : body;
    }

    /** The first value of a header, case-insensitively, or {@code null}. */
    public String header(String name) {
        return headers.stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue)
                .findFirst().orElse(null);
    }
}
