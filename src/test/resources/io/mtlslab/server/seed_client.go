// The seed's Go mTLS client (seeds/000), with the URL and file names as flags so tests can point it
// at any echo server. Standard library only.
package main

import (
	"crypto/tls"
	"crypto/x509"
	"flag"
	"fmt"
	"io"
	"log"
	"net/http"
	"os"
)

func main() {
	url := flag.String("url", "https://localhost:8080/", "server URL")
	certFile := flag.String("cert", "client.pem", "client certificate")
	keyFile := flag.String("key", "client.key", "client private key")
	caFile := flag.String("ca", "ca.pem", "CA certificate")
	accept := flag.String("accept", "", "Accept header (e.g. text/plain); empty for none")
	flag.Parse()

	cert, err := tls.LoadX509KeyPair(*certFile, *keyFile)
	if err != nil {
		log.Fatalf("Erro ao carregar certificado do cliente: %v", err)
	}

	caCert, err := os.ReadFile(*caFile)
	if err != nil {
		log.Fatalf("Erro ao ler CA cert: %v", err)
	}
	caCertPool := x509.NewCertPool()
	if ok := caCertPool.AppendCertsFromPEM(caCert); !ok {
		log.Fatalf("Erro ao adicionar CA cert ao pool")
	}

	tlsConfig := &tls.Config{
		Certificates:       []tls.Certificate{cert},
		RootCAs:            caCertPool,
		InsecureSkipVerify: false,
	}

	transport := &http.Transport{
		TLSClientConfig: tlsConfig,
	}

	client := &http.Client{
		Transport: transport,
	}

	req, err := http.NewRequest("GET", *url, nil)
	if err != nil {
		log.Fatalf("Erro na requisição: %v", err)
	}
	if *accept != "" {
		req.Header.Set("Accept", *accept)
	}
	resp, err := client.Do(req)
	if err != nil {
		log.Fatalf("Erro na requisição: %v", err)
	}
	defer resp.Body.Close()

	body, err := io.ReadAll(resp.Body)
	if err != nil {
		log.Fatalf("Erro ao ler resposta: %v", err)
	}

	fmt.Printf("Resposta do servidor: %s\n", body)
}
