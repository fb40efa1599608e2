package io.mtlslab.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The seed's Go mTLS server (article 000's helloHandler), built with {@code go build} once per test run,
 * with the {@code tls.Config} choices of article 001's pitfalls: {@code -mode} is the
 * {@code tls.ClientAuthType} and {@code -cas ""} leaves {@code ClientCAs} nil, so Go falls back to the
 * system pool and lists no CA names. It listens on 127.0.0.1 port 0 and prints the address it got.
 */
public final class GoSeedServer implements AutoCloseable {

    private static final String SOURCE = """
            package main

            import (
            	"crypto/tls"
            	"crypto/x509"
            	"flag"
            	"fmt"
            	"log"
            	"net/http"
            	"os"
            )

            func helloHandler(w http.ResponseWriter, r *http.Request) {
            	if len(r.TLS.PeerCertificates) > 0 {
            		client := r.TLS.PeerCertificates[0]
            		ou := ""
            		if len(client.Subject.OrganizationalUnit) > 0 {
            			ou = client.Subject.OrganizationalUnit[0]
            		}
            		fmt.Fprintf(w, "Common Name: %s\\nOrganization Unit: %s\\nSerial Number: %s\\n",
            			client.Subject.CommonName, ou, client.SerialNumber.Text(16))
            		return
            	}
            	w.WriteHeader(http.StatusUnauthorized)
            	fmt.Fprintf(w, `{ "error": "client certificate required" }`)
            }

            func main() {
            	mode := flag.String("mode", "RequireAndVerifyClientCert", "tls.ClientAuthType")
            	cas := flag.String("cas", "ca.pem", "ClientCAs file; empty leaves ClientCAs nil")
            	flag.Parse()
            	modes := map[string]tls.ClientAuthType{
            		"NoClientCert": tls.NoClientCert, "RequestClientCert": tls.RequestClientCert,
            		"RequireAnyClientCert": tls.RequireAnyClientCert, "VerifyClientCertIfGiven": tls.VerifyClientCertIfGiven,
            		"RequireAndVerifyClientCert": tls.RequireAndVerifyClientCert,
            	}
            	cert, err := tls.LoadX509KeyPair("server.pem", "server.key")
            	if err != nil {
            		log.Fatalf("Erro ao carregar certificado do servidor: %v", err)
            	}
            	config := &tls.Config{Certificates: []tls.Certificate{cert}, ClientAuth: modes[*mode]}
            	if *cas != "" {
            		caCert, err := os.ReadFile(*cas)
            		if err != nil {
            			log.Fatalf("Erro ao ler CA cert: %v", err)
            		}
            		pool := x509.NewCertPool()
            		pool.AppendCertsFromPEM(caCert)
            		config.ClientCAs = pool
            	}
            	listener, err := tls.Listen("tcp", "127.0.0.1:0", config)
            	if err != nil {
            		log.Fatal(err)
            	}
            	fmt.Println(listener.Addr().String())
            	http.HandleFunc("/", helloHandler)
            	log.Fatal(http.Serve(listener, nil))
            }
            """;

    private static Path binary;

    private final Process process;
    private final int port;

    private GoSeedServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * Starts the seed's server in {@code workspace} (which holds server.pem, server.key and ca.pem).
     *
     * @param mode a {@code tls.ClientAuthType} name, e.g. {@code RequestClientCert}
     * @param withClientCas {@code false} leaves {@code ClientCAs} nil (the system pool)
     */
    public static GoSeedServer start(Path workspace, String mode, boolean withClientCas) throws IOException,
            InterruptedException {
        Path built = build();
        List<String> command = new ArrayList<>(List.of(built.toString(), "-mode", mode, "-cas",
                withClientCas ? "ca.pem" : ""));
        Process process = new ProcessBuilder(command).directory(workspace.toFile()).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String address = out.readLine();
        if (address == null || !address.contains(":")) {
            process.destroyForcibly();
            throw new IOException("the Go server did not start: " + address);
        }
        Thread drain = new Thread(() -> {
            try {
                while (out.readLine() != null) {
                    // keep the pipe empty; the server logs handshake errors here
                }
            } catch (IOException ended) {
                // the process ended
            }
        }, "go-seed-server-output");
        drain.setDaemon(true);
        drain.start();
        return new GoSeedServer(process, Integer.parseInt(address.substring(address.lastIndexOf(':') + 1)));
    }

    public String url() {
        return "https://localhost:" + port + "/";
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    private static synchronized Path build() throws IOException, InterruptedException {
        if (binary != null) {
            return binary;
        }
        ExternalTool.require("go");
        Path dir = Files.createTempDirectory("mtls-lab-go-seed");
        Files.writeString(dir.resolve("main.go"), SOURCE);
        ProcessBuilder go = new ProcessBuilder("go", "build", "-o", "seed-server", "main.go").directory(dir.toFile())
                .redirectErrorStream(true);
        go.environment().put("GO111MODULE", "off");
        go.environment().putIfAbsent("GOCACHE", System.getProperty("java.io.tmpdir") + "/mtls-lab-go-cache");
        go.environment().putIfAbsent("HOME", System.getProperty("java.io.tmpdir"));
        Process process = go.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(300, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("go build failed: " + output);
        }
        binary = dir.resolve("seed-server");
        return binary;
    }
}
