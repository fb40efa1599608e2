package io.mtlslab.call;

import io.mtlslab.pki.PkiException;
import io.mtlslab.pki.Workspace;
import io.mtlslab.tls.TlsContexts;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CRL;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One test call: where to ({@code https://host:port/path}), as whom (a client identity or none),
 * trusting what, over which TLS versions, with which method, headers and body, within which time.
 *
 * @param identity the client certificate to offer, or {@code null} for a call without one
 * @param connectTo the address to connect to instead of resolving the URL's host (curl's {@code --resolve}),
 *     so a name the certificate does not carry can be tried against a local server; {@code null} to resolve
 * @param referenceCa the workspace CA: fixes are phrased against it and a look-alike is recognised; may be null
 * @param crls revocation lists the client enforces on the server's chain (the workspace's {@code crl.pem})
 * @param ignoreCaNames send the identity even when its issuer is not in the server's CA-names list, as an
 *     attacker's client would (normal clients, and the default, withhold it)
 * @param acceptAnyServer go on with a server whose chain the client does not trust, as an attacker's client
 *     would: the chain is still checked and the report says whether it was trusted, but the handshake
 *     goes on, so the server gets to judge the client's certificate (the audit's probes; never a plain call)
 */
public record CallRequest(URI url, ClientIdentity identity, TrustAnchor trust, List<String> protocols, String method,
                          Map<String, String> headers, byte[] body, Duration connectTimeout, Duration readTimeout,
                          InetAddress connectTo, X509Certificate referenceCa, List<X509CRL> crls,
                          boolean ignoreCaNames, boolean acceptAnyServer) {

    private static final Set<String> KNOWN_PROTOCOLS = Set.of("TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3");

    public CallRequest {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(trust, "trust");
        protocols = List.copyOf(protocols);
        headers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        body = body == null ? new byte[0] : body.clone();
        crls = crls == null ? List.of() : List.copyOf(crls);
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
    }

    public String host() {
        return url.getHost();
    }

    public int port() {
        return url.getPort() == -1 ? 443 : url.getPort();
    }

    /** Path and query as sent in the request line. */
    public String pathAndQuery() {
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        return url.getRawQuery() == null ? path : path + "?" + url.getRawQuery();
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    public static Builder builder(String url) {
        return new Builder(parseUrl(url));
    }

    public static Builder builder(URI url) {
        return new Builder(checkUrl(url, url.toString()));
    }

    /** Parses and checks an {@code https://host:port/path} URL. */
    public static URI parseUrl(String text) {
        try {
            return checkUrl(new URI(text == null ? "" : text.trim()), text);
        } catch (URISyntaxException e) {
            throw PkiException.because(e, "url", "urlSyntax", String.valueOf(text), e.getReason());
        }
    }

    private static URI checkUrl(URI url, String text) {
        if (!"https".equalsIgnoreCase(url.getScheme()) || url.getHost() == null || url.getHost().isEmpty()) {
            throw PkiException.of("url", "urlNotHttps", String.valueOf(text));
        }
        return url;
    }

    /** Parses TLS versions as users type them: {@code 1.2,1.3} or {@code TLSv1.3}. */
    public static List<String> parseProtocols(String text) {
        List<String> protocols = new ArrayList<>();
        for (String part : text.split("[,\\s]+")) {
            if (part.isBlank()) {
                continue;
            }
            String name = part.trim();
            name = name.toLowerCase(Locale.ROOT).startsWith("tlsv") ? "TLSv" + name.substring(4) : "TLSv" + name;
            if (name.equals("TLSv1.0")) {
                name = "TLSv1";
            }
            if (!KNOWN_PROTOCOLS.contains(name)) {
                throw PkiException.of("tls", "tlsUnknown", part);
            }
            if (!protocols.contains(name)) {
                protocols.add(name);
            }
        }
        if (protocols.isEmpty()) {
            throw PkiException.of("tls", "tlsNone");
        }
        return protocols;
    }

    /** Reads every CRL in a PEM or DER file; a missing file means none. */
    public static List<X509CRL> readCrls(Path file) {
        if (file == null || !Files.exists(file)) {
            return List.of();
        }
        try (InputStream in = Files.newInputStream(file)) {
            List<X509CRL> crls = new ArrayList<>();
            for (CRL crl : CertificateFactory.getInstance("X.509").generateCRLs(in)) {
                crls.add((X509CRL) crl);
            }
            return crls;
        } catch (IOException | GeneralSecurityException e) {
            throw PkiException.because(e, "crl", "callCrlUnreadable", String.valueOf(file), String.valueOf(e.getMessage()));
        }
    }

    /** Collects a call's options; the defaults are a GET trusting only what {@link #trust} says. */
    public static final class Builder {
        private final URI url;
        private ClientIdentity identity;
        private TrustAnchor trust;
        private List<String> protocols = TlsContexts.MODERN_PROTOCOLS;
        private String method = "GET";
        private final Map<String, String> headers = new LinkedHashMap<>();
        private byte[] body;
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration readTimeout = Duration.ofSeconds(10);
        private InetAddress connectTo;
        private X509Certificate referenceCa;
        private List<X509CRL> crls = List.of();
        private byte[] hmacSecret;
        private boolean ignoreCaNames;
        private boolean acceptAnyServer;

        private Builder(URI url) {
            this.url = url;
        }

        /** Trusts the workspace CA, phrases fixes against it, and enforces its CRL if it has one. */
        public Builder workspace(Workspace workspace) {
            if (trust == null) {
                trust = TrustAnchor.workspace(workspace);
            }
            referenceCa = workspace.caCertificate();
            crls = readCrls(workspace.crlFile());
            return this;
        }

        public Builder identity(ClientIdentity value) {
            this.identity = value;
            return this;
        }

        public Builder trust(TrustAnchor value) {
            this.trust = value;
            return this;
        }

        public Builder protocols(List<String> value) {
            this.protocols = List.copyOf(value);
            return this;
        }

        public Builder method(String value) {
            this.method = value.trim().toUpperCase(Locale.ROOT);
            return this;
        }

        public Builder header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        public Builder body(String value) {
            this.body = value == null ? null : value.getBytes(StandardCharsets.UTF_8);
            return this;
        }

        public Builder connectTimeout(Duration value) {
            this.connectTimeout = value;
            return this;
        }

        public Builder readTimeout(Duration value) {
            this.readTimeout = value;
            return this;
        }

        public Builder connectTo(InetAddress value) {
            this.connectTo = value;
            return this;
        }

        public Builder referenceCa(X509Certificate value) {
            this.referenceCa = value;
            return this;
        }

        public Builder crls(List<X509CRL> value) {
            this.crls = List.copyOf(value);
            return this;
        }

        /**
         * Signs the call for the echo server's HMAC layer (SPEC S6) with the client's secret: adds
         * {@code X-Mtlslab-Timestamp} and {@code X-Mtlslab-Signature} over method, path, timestamp and body
         * when the request is built. {@code null} leaves the call unsigned.
         */
        public Builder hmacSecret(byte[] secret) {
            this.hmacSecret = secret == null ? null : secret.clone();
            return this;
        }

        /** Send the identity whatever CA names the server lists (the audit's forged probes). */
        public Builder ignoreCaNames(boolean value) {
            this.ignoreCaNames = value;
            return this;
        }

        /** Go on with a server the client does not trust, recording that it is not (the audit's probes). */
        public Builder acceptAnyServer(boolean value) {
            this.acceptAnyServer = value;
            return this;
        }

        public CallRequest build() {
            if (trust == null) {
                throw PkiException.of("ca", "callNoTrust");
            }
            if (!method.matches("[A-Z]+")) {
                throw PkiException.of("method", "httpMethod", method);
            }
            CallRequest request = new CallRequest(url, identity, trust, protocols, method, headers, body, connectTimeout,
                    readTimeout, connectTo, referenceCa, crls, ignoreCaNames, acceptAnyServer);
            if (hmacSecret == null) {
                return request;
            }
            Map<String, String> signed = new LinkedHashMap<>(headers);
            signed.putAll(new io.mtlslab.hmac.RequestSigner(hmacSecret).sign(method, request.pathAndQuery(), request.body()));
            return new CallRequest(url, identity, trust, protocols, method, signed, body, connectTimeout, readTimeout,
                    connectTo, referenceCa, crls, ignoreCaNames, acceptAnyServer);
        }
    }
}
