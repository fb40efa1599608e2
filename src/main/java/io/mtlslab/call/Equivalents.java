package io.mtlslab.call;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The call just made, as copy-paste commands and programs for other tools — curl, {@code openssl
 * s_client}, Go (the seed's client), Java ({@code HttpClient} with a keystore) and Python
 * ({@code requests}) — with the real file paths, so a user can reproduce it in their own stack.
 */
public record Equivalents(String curl, String openssl, String go, String java, String python) {

    /** The snippets in display order, keyed {@code curl, openssl, go, java, python}. */
    public Map<String, String> asMap() {
        Map<String, String> map = new LinkedHashMap<>();
        map.put("curl", curl);
        map.put("openssl", openssl);
        map.put("go", go);
        map.put("java", java);
        map.put("python", python);
        return map;
    }

    public static Equivalents of(CallRequest request) {
        Files files = Files.of(request);
        return new Equivalents(curl(request, files), openssl(request, files), go(request, files),
                java(request, files), python(request, files));
    }

    /** The file names the snippets use: the real paths, or the seed's names for in-memory credentials. */
    private record Files(String cert, String key, String p12, String ca, boolean system) {
        static Files of(CallRequest request) {
            ClientIdentity identity = request.identity();
            String cert = identity == null ? null : path(identity.certificateFile(), identity.name() + ".pem");
            String key = identity == null ? null : path(identity.keyFile(), identity.name() + ".key");
            String p12 = identity == null ? null : path(identity.p12File(), null);
            TrustAnchor trust = request.trust();
            boolean system = trust.kind() == TrustAnchor.Kind.SYSTEM;
            String ca = system ? null : path(trust.file(), "ca.pem");
            return new Files(cert, key, p12, ca, system);
        }

        private static String path(Path file, String fallback) {
            return file == null ? fallback : file.toAbsolutePath().toString();
        }
    }

    private static String curl(CallRequest request, Files files) {
        List<String> args = new ArrayList<>(List.of("curl", "--show-error"));
        if (files.cert() != null) {
            args.addAll(List.of("--cert", quote(files.cert()), "--key", quote(files.key())));
        }
        if (!files.system()) {
            args.addAll(List.of("--cacert", quote(files.ca())));
        }
        String min = minProtocol(request);
        if (min != null) {
            args.add(switch (min) {
                case "TLSv1" -> "--tlsv1.0";
                case "TLSv1.1" -> "--tlsv1.1";
                case "TLSv1.2" -> "--tlsv1.2";
                default -> "--tlsv1.3";
            });
            String max = maxProtocol(request);
            args.addAll(List.of("--tls-max", max.equals("TLSv1") ? "1.0" : max.replace("TLSv", "")));
        }
        if (!request.method().equals("GET")) {
            args.addAll(List.of("-X", request.method()));
        }
        request.headers().forEach((name, value) -> args.addAll(List.of("-H", quote(name + ": " + value))));
        if (request.body().length > 0) {
            args.addAll(List.of("--data-binary", quote(request.bodyText())));
        }
        if (request.connectTo() != null) {
            args.addAll(List.of("--resolve", quote(request.host() + ":" + request.port() + ":"
                    + request.connectTo().getHostAddress())));
        }
        args.add(quote(request.url().toString()));
        return String.join(" ", args);
    }

    private static String openssl(CallRequest request, Files files) {
        String host = request.host();
        String connect = (request.connectTo() != null ? request.connectTo().getHostAddress() : host);
        if (connect.contains(":") && !connect.startsWith("[")) {
            connect = "[" + connect + "]";
        }
        StringBuilder http = new StringBuilder(request.method()).append(' ').append(request.pathAndQuery())
                .append(" HTTP/1.1\\r\\nHost: ").append(host).append(':').append(request.port())
                .append("\\r\\nConnection: close\\r\\n");
        request.headers().forEach((name, value) -> http.append(name).append(": ").append(value).append("\\r\\n"));
        if (request.body().length > 0) {
            http.append("Content-Length: ").append(request.body().length).append("\\r\\n\\r\\n")
                    .append(request.bodyText().replace("\\", "\\\\").replace("%", "%%"));
        } else {
            http.append("\\r\\n");
        }
        List<String> args = new ArrayList<>(List.of("openssl", "s_client", "-connect", connect + ":" + request.port()));
        boolean ip = io.mtlslab.diagnose.CertificateFacts.isIpLiteral(host);
        if (!ip) {
            args.addAll(List.of("-servername", host));
        }
        if (files.cert() != null) {
            args.addAll(List.of("-cert", quote(files.cert()), "-key", quote(files.key())));
        }
        if (!files.system()) {
            args.addAll(List.of("-CAfile", quote(files.ca())));
        }
        args.addAll(List.of(ip ? "-verify_ip" : "-verify_hostname", host, "-verify_return_error"));
        String min = minProtocol(request);
        if (min != null) {
            args.addAll(List.of("-min_protocol", min, "-max_protocol", maxProtocol(request)));
        }
        args.add("-ign_eof");
        return "printf " + quote(http.toString()) + " | " + String.join(" ", args);
    }

    private static String go(CallRequest request, Files files) {
        TreeSet<String> imports = new TreeSet<>(List.of("crypto/tls", "fmt", "io", "log", "net/http"));
        StringBuilder body = new StringBuilder();
        body.append("func main() {\n");
        if (files.cert() != null) {
            body.append("\tcert, err := tls.LoadX509KeyPair(").append(goString(files.cert())).append(", ")
                    .append(goString(files.key())).append(")\n")
                    .append("\tif err != nil {\n\t\tlog.Fatalf(\"Erro ao carregar certificado do cliente: %v\", err)\n\t}\n\n");
        }
        if (!files.system()) {
            imports.addAll(List.of("crypto/x509", "os"));
            body.append("\tcaCert, err := os.ReadFile(").append(goString(files.ca())).append(")\n")
                    .append("\tif err != nil {\n\t\tlog.Fatalf(\"Erro ao ler CA cert: %v\", err)\n\t}\n")
                    .append("\tcaCertPool := x509.NewCertPool()\n")
                    .append("\tif ok := caCertPool.AppendCertsFromPEM(caCert); !ok {\n")
                    .append("\t\tlog.Fatalf(\"Erro ao adicionar CA cert ao pool\")\n\t}\n\n");
        }
        body.append("\ttlsConfig := &tls.Config{\n");
        if (files.cert() != null) {
            body.append("\t\tCertificates:       []tls.Certificate{cert},\n");
        }
        if (!files.system()) {
            body.append("\t\tRootCAs:            caCertPool,\n");
        }
        String min = minProtocol(request);
        if (min != null) {
            body.append("\t\tMinVersion:         ").append(goVersion(min)).append(",\n");
            body.append("\t\tMaxVersion:         ").append(goVersion(maxProtocol(request))).append(",\n");
        }
        body.append("\t\tInsecureSkipVerify: false,\n\t}\n\n");
        body.append("\ttransport := &http.Transport{\n\t\tTLSClientConfig: tlsConfig,\n\t}\n");
        if (request.connectTo() != null) {
            imports.addAll(List.of("context", "net"));
            String address = request.connectTo().getHostAddress();
            address = address.contains(":") ? "[" + address + "]" : address;
            body.append("\t// like curl --resolve: connect to ").append(address).append(" but check the name ")
                    .append(request.host()).append("\n")
                    .append("\ttransport.DialContext = func(ctx context.Context, network, addr string) (net.Conn, error) {\n")
                    .append("\t\treturn (&net.Dialer{}).DialContext(ctx, network, ")
                    .append(goString(address + ":" + request.port())).append(")\n\t}\n");
        }
        body.append("\n\tclient := &http.Client{\n\t\tTransport: transport,\n\t}\n\n");
        String requestBody = "nil";
        if (request.body().length > 0) {
            imports.add("strings");
            requestBody = "strings.NewReader(" + goString(request.bodyText()) + ")";
        }
        body.append("\treq, err := http.NewRequest(").append(goString(request.method())).append(", ")
                .append(goString(request.url().toString())).append(", ").append(requestBody).append(")\n")
                .append("\tif err != nil {\n\t\tlog.Fatalf(\"Erro ao montar a requisição: %v\", err)\n\t}\n");
        request.headers().forEach((name, value) -> body.append("\treq.Header.Set(").append(goString(name))
                .append(", ").append(goString(value)).append(")\n"));
        body.append("\tresp, err := client.Do(req)\n")
                .append("\tif err != nil {\n\t\tlog.Fatalf(\"Erro na requisição: %v\", err)\n\t}\n")
                .append("\tdefer resp.Body.Close()\n\n")
                .append("\tbody, err := io.ReadAll(resp.Body)\n")
                .append("\tif err != nil {\n\t\tlog.Fatalf(\"Erro ao ler resposta: %v\", err)\n\t}\n\n")
                .append("\tfmt.Printf(\"Resposta do servidor (%d): %s\\n\", resp.StatusCode, body)\n}\n");
        StringBuilder program = new StringBuilder("package main\n\nimport (\n");
        imports.forEach(name -> program.append("\t\"").append(name).append("\"\n"));
        return program.append(")\n\n").append(body).toString();
    }

    private static String java(CallRequest request, Files files) {
        StringBuilder code = new StringBuilder();
        code.append("import java.io.FileInputStream;\nimport java.net.URI;\nimport java.net.http.HttpClient;\n")
                .append("import java.net.http.HttpRequest;\nimport java.net.http.HttpResponse;\n")
                .append("import java.security.KeyStore;\nimport java.security.cert.Certificate;\n")
                .append("import java.security.cert.CertificateFactory;\nimport javax.net.ssl.KeyManagerFactory;\n")
                .append("import javax.net.ssl.SSLContext;\nimport javax.net.ssl.SSLParameters;\n")
                .append("import javax.net.ssl.TrustManagerFactory;\n\n")
                .append("public class MtlsCall {\n    public static void main(String[] args) throws Exception {\n");
        String keyManagers = "null";
        if (files.cert() != null) {
            String p12 = files.p12() != null ? files.p12() : files.cert().replaceAll("(-chain)?\\.pem$", "") + ".p12";
            if (files.p12() == null) {
                code.append("        // make the keystore first: openssl pkcs12 -export -in ").append(files.cert())
                        .append(" -inkey ").append(files.key()).append(" -out ").append(p12).append("\n");
            }
            code.append("        char[] password = System.getenv(\"P12_PASSWORD\").toCharArray();\n")
                    .append("        KeyStore identity = KeyStore.getInstance(\"PKCS12\");\n")
                    .append("        try (FileInputStream in = new FileInputStream(").append(javaString(p12)).append(")) {\n")
                    .append("            identity.load(in, password);\n        }\n")
                    .append("        KeyManagerFactory keys = KeyManagerFactory.getInstance(\"PKIX\");\n")
                    .append("        keys.init(identity, password);\n\n");
            keyManagers = "keys.getKeyManagers()";
        }
        String trustManagers = "null";
        if (!files.system()) {
            code.append("        KeyStore trusted = KeyStore.getInstance(\"PKCS12\");\n")
                    .append("        trusted.load(null, null);\n")
                    .append("        try (FileInputStream in = new FileInputStream(").append(javaString(files.ca())).append(")) {\n")
                    .append("            int i = 0;\n")
                    .append("            for (Certificate ca : CertificateFactory.getInstance(\"X.509\").generateCertificates(in)) {\n")
                    .append("                trusted.setCertificateEntry(\"ca-\" + i++, ca);\n            }\n        }\n")
                    .append("        TrustManagerFactory trust = TrustManagerFactory.getInstance(\"PKIX\");\n")
                    .append("        trust.init(trusted);\n\n");
            trustManagers = "trust.getTrustManagers()";
        }
        code.append("        SSLContext context = SSLContext.getInstance(\"TLS\");\n")
                .append("        context.init(").append(keyManagers).append(", ").append(trustManagers).append(", null);\n")
                .append("        SSLParameters parameters = new SSLParameters();\n")
                .append("        parameters.setProtocols(new String[] {")
                .append(String.join(", ", request.protocols().stream().map(Equivalents::javaString).toList()))
                .append("});\n")
                .append("        HttpClient client = HttpClient.newBuilder().sslContext(context).sslParameters(parameters).build();\n");
        if (request.connectTo() != null) {
            code.append("        // Java's HttpClient has no --resolve: map ").append(request.host()).append(" to ")
                    .append(request.connectTo().getHostAddress()).append(" in the hosts file\n");
        }
        code.append("        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(")
                .append(javaString(request.url().toString())).append("))\n")
                .append("                .method(").append(javaString(request.method())).append(", ")
                .append(request.body().length > 0 ? "HttpRequest.BodyPublishers.ofString(" + javaString(request.bodyText()) + ")"
                        : "HttpRequest.BodyPublishers.noBody()").append(");\n");
        request.headers().forEach((name, value) -> code.append("        request.header(").append(javaString(name))
                .append(", ").append(javaString(value)).append(");\n"));
        code.append("        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());\n")
                .append("        System.out.println(response.statusCode() + \" \" + response.body());\n    }\n}\n");
        return code.toString();
    }

    private static String python(CallRequest request, Files files) {
        StringBuilder code = new StringBuilder("import requests\n\n");
        if (request.connectTo() != null) {
            code.append("# requests has no --resolve: map ").append(request.host()).append(" to ")
                    .append(request.connectTo().getHostAddress()).append(" in the hosts file\n");
        }
        if (minProtocol(request) != null) {
            code.append("# requests negotiates TLS 1.2/1.3 by itself; pinning versions needs an ssl.SSLContext adapter\n");
        }
        code.append("response = requests.request(\n    ").append(pyString(request.method())).append(",\n    ")
                .append(pyString(request.url().toString())).append(",\n");
        if (files.cert() != null) {
            code.append("    cert=(").append(pyString(files.cert())).append(", ").append(pyString(files.key())).append("),\n");
        }
        code.append("    verify=").append(files.system() ? "True" : pyString(files.ca())).append(",\n");
        if (!request.headers().isEmpty()) {
            code.append("    headers={");
            List<String> pairs = new ArrayList<>();
            request.headers().forEach((name, value) -> pairs.add(pyString(name) + ": " + pyString(value)));
            code.append(String.join(", ", pairs)).append("},\n");
        }
        if (request.body().length > 0) {
            code.append("    data=").append(pyString(request.bodyText())).append(",\n");
        }
        code.append("    timeout=").append(Math.max(1, request.readTimeout().toSeconds())).append(",\n)\n")
                .append("print(response.status_code, response.text)\n");
        return code.toString();
    }

    /** The lowest TLS version asked for, or {@code null} when the call uses the secure default 1.2–1.3. */
    private static String minProtocol(CallRequest request) {
        if (new TreeSet<>(request.protocols()).equals(new TreeSet<>(List.of("TLSv1.2", "TLSv1.3")))) {
            return null;
        }
        return order().stream().filter(request.protocols()::contains).findFirst().orElse("TLSv1.2");
    }

    private static String maxProtocol(CallRequest request) {
        List<String> order = order();
        for (int i = order.size() - 1; i >= 0; i--) {
            if (request.protocols().contains(order.get(i))) {
                return order.get(i);
            }
        }
        return "TLSv1.3";
    }

    private static List<String> order() {
        return List.of("TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3");
    }

    private static String goVersion(String protocol) {
        return switch (protocol) {
            case "TLSv1" -> "tls.VersionTLS10";
            case "TLSv1.1" -> "tls.VersionTLS11";
            case "TLSv1.2" -> "tls.VersionTLS12";
            default -> "tls.VersionTLS13";
        };
    }

    /** POSIX shell quoting: bare when safe, else single quotes. */
    static String quote(String text) {
        if (!text.isEmpty() && text.matches("[A-Za-z0-9_@%+=:,./-]+")) {
            return text;
        }
        return "'" + text.replace("'", "'\\''") + "'";
    }

    private static String goString(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    private static String javaString(String text) {
        return goString(text);
    }

    private static String pyString(String text) {
        return goString(text);
    }
}
