package io.mtlslab.diagnose;

import io.mtlslab.text.Message;
import java.util.Locale;

/**
 * A TLS terminator's refusal of the client certificate sent as an HTTP answer instead of a TLS alert.
 *
 * <p>nginx with {@code ssl_verify_client on} lets every handshake complete and judges the certificate
 * afterwards: it answers {@code 400} with the page title "No required SSL certificate was sent" (nothing
 * was sent) or "The SSL certificate error" (something was sent and failed verification: unknown CA,
 * expired, revoked, chain longer than {@code ssl_verify_depth}). Internally these are its statuses 496
 * and 495, which an {@code error_page} can expose as such. Read as a plain HTTP error, such an answer
 * would wrongly suggest the certificate was accepted.
 *
 * @param certificateSent {@code false} for "no certificate was sent", {@code true} for "a certificate
 *     was sent and failed verification"
 * @param serverText what the server said, quoted in the diagnosis
 */
public record TerminatorRefusal(boolean certificateSent, String serverText) {

    static final String NGINX_NO_CERTIFICATE = "No required SSL certificate was sent";
    static final String NGINX_CERTIFICATE_ERROR = "The SSL certificate error";

    /** The refusal in an HTTP answer, or {@code null} when the answer is not one. */
    public static TerminatorRefusal of(int status, String body) {
        String text = body == null ? "" : body;
        String lower = text.toLowerCase(Locale.ROOT);
        if (status == 496 || (status == 400 && lower.contains(NGINX_NO_CERTIFICATE.toLowerCase(Locale.ROOT)))) {
            return new TerminatorRefusal(false, "HTTP " + status + " \"" + NGINX_NO_CERTIFICATE + "\"");
        }
        if (status == 495 || (status == 400 && lower.contains(NGINX_CERTIFICATE_ERROR.toLowerCase(Locale.ROOT)))) {
            return new TerminatorRefusal(true, "HTTP " + status + " \"" + NGINX_CERTIFICATE_ERROR + "\"");
        }
        return null;
    }

    /** How the refusal reads in a diagnosis: "answered HTTP 400 "…" after the handshake". */
    Message how() {
        return Message.of("diagnose.terminator.how", serverText);
    }
}
