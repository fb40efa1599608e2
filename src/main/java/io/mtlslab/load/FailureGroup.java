package io.mtlslab.load;

import io.mtlslab.text.Message;

/**
 * The failed calls of a load run that share one cause.
 *
 * @param code a diagnosis code ({@code UNKNOWN_CA}, {@code HTTP_UNAUTHORIZED}, …) found by re-running one
 *     such call as a full test call, or {@code TRANSIENT} when that call then succeeded (a failure that
 *     came from the load itself: a reset, a full accept queue, a timeout)
 * @param summaryText the diagnosis summary, or what the failure said; rendered when read ({@link #summary()})
 * @param example the raw error or status of the first such failure
 */
public record FailureGroup(String code, long count, Message summaryText, String example) {

    public static final String TRANSIENT = "TRANSIENT";

    /** The summary in the current language. */
    public String summary() {
        return summaryText.text();
    }
}
