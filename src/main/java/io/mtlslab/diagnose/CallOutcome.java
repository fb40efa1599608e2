package io.mtlslab.diagnose;

import io.mtlslab.text.Message;
import io.mtlslab.text.Texts;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * How a test call ended, decided from facts: whether the TLS handshake completed, whether a client
 * certificate was asked for and sent, and what the server answered. The CLI (text and {@code --json}),
 * the GUI and the scenario matrix all show this one verdict, so they never disagree.
 *
 * <p>The verdict that matters most is {@link Kind#ANSWERED_WITHOUT_CLIENT_AUTH}: the server served the
 * request although no client certificate authenticated the caller. When it answered 2xx to a caller
 * that presented nothing, that is the authentication bypass of the seed's pitfall 001
 * ({@link #likelyBypass}), and it is never shown as a success.
 *
 * @param kind the verdict; its name is a stable code ({@code outcome} in JSON)
 * @param clientAuthenticated whether the server authenticated the client by its certificate
 * @param likelyBypass the server answered 2xx without a client certificate
 * @param headlineMessage one sentence for a banner ({@link #headline()} in the current language)
 * @param explanationMessage why this verdict, from the facts of the call ({@link #explanation()})
 * @param fixMessages what to change, keyed by stack ({@code go}, {@code nginx}, {@code java}); empty when
 *     nothing needs fixing or the {@link Diagnosis} already says it ({@link #fixes()})
 */
public record CallOutcome(Kind kind, ClientAuthentication clientAuthenticated, boolean likelyBypass,
                          Message headlineMessage, Message explanationMessage, Map<String, Message> fixMessages) {

    /** The verdicts, in the order of how far the call got. */
    public enum Kind {
        /** Nothing or not TLS answered: connection refused, unknown host, timeout, plain HTTP. */
        NETWORK,
        /** One side refused the other during the TLS handshake (or right after it, TLS 1.3's late refusal). */
        REFUSED_IN_HANDSHAKE,
        /**
         * TLS completed, then the server refused at the HTTP layer because of the client's identity:
         * 401, 403, or a TLS terminator's 400/495/496 (nginx's "No required SSL certificate was sent").
         */
        REFUSED_BY_APPLICATION,
        /** TLS completed and the server answered another error status. */
        HTTP_ERROR,
        /** The server answered (status below 400) without a client certificate having authenticated the caller. */
        ANSWERED_WITHOUT_CLIENT_AUTH,
        /** The server verified our certificate in the handshake and answered (status below 400). */
        MUTUALLY_AUTHENTICATED
    }

    /** Whether the server authenticated the client; {@link #UNKNOWN} when the call never got that far. */
    public enum ClientAuthentication {
        TRUE, FALSE, UNKNOWN;

        /** {@code true}, {@code false} or {@code unknown}: the JSON value. */
        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public CallOutcome {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(clientAuthenticated, "clientAuthenticated");
        Objects.requireNonNull(headlineMessage, "headlineMessage");
        fixMessages = fixMessages == null ? Map.of()
                : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fixMessages));
    }

    /** One sentence for a banner, in the current language. */
    public String headline() {
        return headlineMessage.text();
    }

    /** Why this verdict, in the current language; empty when there is nothing to add. */
    public String explanation() {
        return explanationMessage == null ? "" : explanationMessage.text();
    }

    /** The fixes by stack, in the current language. */
    public Map<String, String> fixes() {
        return fixes(Texts.locale());
    }

    public String headline(Locale locale) {
        return headlineMessage.text(locale);
    }

    public String explanation(Locale locale) {
        return explanationMessage == null ? "" : explanationMessage.text(locale);
    }

    public Map<String, String> fixes(Locale locale) {
        Map<String, String> fixes = new LinkedHashMap<>();
        fixMessages.forEach((stack, fix) -> fixes.put(stack, fix.text(locale)));
        return fixes;
    }

    /** The server answered with a status below 400 (with or without authenticating the client). */
    public boolean answered() {
        return kind == Kind.MUTUALLY_AUTHENTICATED || kind == Kind.ANSWERED_WITHOUT_CLIENT_AUTH;
    }
}
