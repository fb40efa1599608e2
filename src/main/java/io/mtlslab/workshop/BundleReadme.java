package io.mtlslab.workshop;

/**
 * The README of a student bundle: what each file is and the commands that use it, with the real
 * file names, host, port and .p12 password filled in so that they work when pasted.
 */
final class BundleReadme {

    private BundleReadme() {
    }

    static String render(String name, String commonName, String password, StudentBundle.Target target,
                         boolean hmac) {
        String host = target.host();
        String hostPort = (host.contains(":") ? "[" + host + "]" : host) + ":" + target.port();
        boolean ipHost = host.matches("[0-9.]+") || host.contains(":");
        String serverName = ipHost ? "" : " -servername " + host;
        String text = hmac ? TEMPLATE + HMAC_SECTION : TEMPLATE.replace(HMAC_ROW, "");
        return text
                .replace("{NAME}", name)
                .replace("{CN}", commonName == null ? name : commonName)
                .replace("{PASSWORD}", password)
                .replace("{URL}", target.url())
                .replace("{HOSTPORT}", hostPort)
                .replace("{HOST}", host)
                .replace("{SERVERNAME}", serverName);
    }

    private static final String HMAC_ROW =
            "| `hmac-secret.hex` | your HMAC-SHA256 secret for the server's HMAC layer — keep it secret |\n";

    private static final String TEMPLATE = """
            # mTLS client identity: {CN}

            Your client certificate for the workshop's mTLS echo server at {URL}

            | file | what it is |
            | --- | --- |
            | `{NAME}.pem` | your client certificate (PEM) |
            | `{NAME}.key` | its private key (PKCS#8 PEM) — keep it secret |
            | `{NAME}.p12` | certificate + key as PKCS#12 (AES-256), for browsers, curl, keytool, OpenSSL 3 |
            | `{NAME}-legacy.p12` | the same in legacy 3DES encryption, for Java 8 and old Windows |
            | `ca.pem` | the workshop CA: trust it to check the server's certificate |
            | `hmac-secret.hex` | your HMAC-SHA256 secret for the server's HMAC layer — keep it secret |

            Password of both `.p12` files: `{PASSWORD}`

            Run the commands below in this folder. The server answers with the identity it read from
            your certificate (CN `{CN}`).

            ## curl

            ```sh
            curl --fail --cacert ca.pem --cert {NAME}.pem --key {NAME}.key {URL}
            ```

            With the .p12 instead of the PEM files:

            ```sh
            curl --fail --cacert ca.pem --cert-type P12 --cert '{NAME}.p12:{PASSWORD}' {URL}
            ```

            ## OpenSSL

            ```sh
            printf 'GET / HTTP/1.1\\r\\nHost: {HOSTPORT}\\r\\nAccept: text/plain\\r\\nConnection: close\\r\\n\\r\\n' | \\
              openssl s_client -connect {HOSTPORT}{SERVERNAME} -CAfile ca.pem -verify_return_error \\
                -cert {NAME}.pem -key {NAME}.key -quiet
            ```

            ## Go (the client of the seed article)

            Save as `main.go` in this folder and run `go run main.go`:

            ```go
            package main

            import (
            	"crypto/tls"
            	"crypto/x509"
            	"fmt"
            	"io"
            	"log"
            	"net/http"
            	"os"
            )

            func main() {
            	cert, err := tls.LoadX509KeyPair("{NAME}.pem", "{NAME}.key")
            	if err != nil {
            		log.Fatalf("Erro ao carregar certificado do cliente: %v", err)
            	}
            	caCert, err := os.ReadFile("ca.pem")
            	if err != nil {
            		log.Fatalf("Erro ao ler CA cert: %v", err)
            	}
            	caCertPool := x509.NewCertPool()
            	if ok := caCertPool.AppendCertsFromPEM(caCert); !ok {
            		log.Fatalf("Erro ao adicionar CA cert ao pool")
            	}
            	tlsConfig := &tls.Config{
            		Certificates: []tls.Certificate{cert},
            		RootCAs:      caCertPool,
            	}
            	client := &http.Client{Transport: &http.Transport{TLSClientConfig: tlsConfig}}
            	resp, err := client.Get("{URL}")
            	if err != nil {
            		log.Fatalf("Erro na requisição: %v", err)
            	}
            	defer resp.Body.Close()
            	body, err := io.ReadAll(resp.Body)
            	if err != nil {
            		log.Fatalf("Erro ao ler resposta: %v", err)
            	}
            	fmt.Printf("Resposta do servidor: %s\\n", body)
            }
            ```

            ## Java (keytool)

            Look into the .p12, then make a truststore holding only the workshop CA:

            ```sh
            keytool -list -keystore {NAME}.p12 -storetype PKCS12 -storepass '{PASSWORD}'
            keytool -importcert -noprompt -alias workshop-ca -file ca.pem -keystore truststore.p12 -storetype PKCS12 -storepass changeit
            ```

            Any Java HTTPS client then presents your certificate with these system properties (Java 8:
            use `{NAME}-legacy.p12`):

            ```sh
            java -Djavax.net.ssl.keyStore={NAME}.p12 -Djavax.net.ssl.keyStoreType=PKCS12 \\
              -Djavax.net.ssl.keyStorePassword='{PASSWORD}' \\
              -Djavax.net.ssl.trustStore=truststore.p12 -Djavax.net.ssl.trustStorePassword=changeit YourClient
            ```

            ## Python (requests)

            ```python
            import requests

            response = requests.get("{URL}", cert=("{NAME}.pem", "{NAME}.key"), verify="ca.pem")
            print(response.status_code, response.text)
            ```
            """;

    private static final String HMAC_SECTION = """

            ## HMAC layer

            When the server runs with `--require-hmac`, each request must also carry an HMAC-SHA256
            signature made with your secret (`hmac-secret.hex`) over this text, lines joined by `\\n`:
            `MTLSLAB-HMAC-SHA256`, the method, the path, the timestamp (Unix seconds) and the SHA-256 (hex)
            of the body. A signature older than 5 minutes is refused.

            ```sh
            BODY='{"hello":"mtls"}'
            TS=$(date +%s)
            BODY_SHA=$(printf '%s' "$BODY" | openssl dgst -sha256 -r | cut -d' ' -f1)
            SIG=$(printf 'MTLSLAB-HMAC-SHA256\\nPOST\\n/\\n%s\\n%s' "$TS" "$BODY_SHA" | \\
              openssl dgst -sha256 -mac HMAC -macopt hexkey:$(cat hmac-secret.hex) -r | cut -d' ' -f1)
            curl --fail --cacert ca.pem --cert {NAME}.pem --key {NAME}.key -H "X-Mtlslab-Timestamp: $TS" \\
              -H "X-Mtlslab-Signature: $SIG" -H 'Content-Type: application/json' --data "$BODY" {URL}
            ```
            """;
}
