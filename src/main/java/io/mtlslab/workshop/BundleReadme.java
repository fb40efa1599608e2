package io.mtlslab.workshop;

import io.mtlslab.text.Texts;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The README of a student bundle: what each file is and the commands that use it, with the real
 * file names, host, port and .p12 password filled in so that they work when pasted. Written in the
 * bundle's language ({@code bundle-readme.md} or {@code bundle-readme_pt_BR.md}, next to this class):
 * the prose is translated, the commands are the same.
 */
final class BundleReadme {

    private static final String HMAC_ROW_START = "| `hmac-secret.hex` |";

    private BundleReadme() {
    }

    static String render(String name, String commonName, String password, StudentBundle.Target target,
                         boolean hmac) {
        String host = target.host();
        String hostPort = (host.contains(":") ? "[" + host + "]" : host) + ":" + target.port();
        boolean ipHost = host.matches("[0-9.]+") || host.contains(":");
        String serverName = ipHost ? "" : " -servername " + host;
        Locale language = target.language();
        String template = template("bundle-readme", language);
        String text = hmac ? template + template("bundle-readme-hmac", language) : withoutHmacRow(template);
        return text
                .replace("{NAME}", name)
                .replace("{CN}", commonName == null ? name : commonName)
                .replace("{PASSWORD}", password)
                .replace("{URL}", target.url())
                .replace("{HOSTPORT}", hostPort)
                .replace("{HOST}", host)
                .replace("{SERVERNAME}", serverName);
    }

    private static String withoutHmacRow(String template) {
        int start = template.indexOf(HMAC_ROW_START);
        return start < 0 ? template : template.substring(0, start) + template.substring(template.indexOf('\n', start) + 1);
    }

    /** The template in {@code language}: {@code NAME_pt_BR.md} for Portuguese, {@code NAME.md} otherwise. */
    static String template(String name, Locale language) {
        String file = name + (Texts.supported(language).equals(Texts.PT_BR) ? "_pt_BR" : "") + ".md";
        try (InputStream in = BundleReadme.class.getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException(file + " is missing from the application");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
