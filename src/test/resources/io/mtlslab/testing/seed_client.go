// The seed's Go mTLS client (article 000): client.pem/client.key as its identity, ca.pem as its only
// trust, one GET per URL given (the seed's https://localhost:8080/ when none). The file names are flags
// so tests can point it anywhere; -insecure sets InsecureSkipVerify: true, the pitfall a client audit
// must catch. Exits 1 when any request failed. Standard library only.
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
	"time"
)

func main() {
	certFile := flag.String("cert", "client.pem", "client certificate")
	keyFile := flag.String("key", "client.key", "client private key")
	caFile := flag.String("ca", "ca.pem", "CA certificate")
	accept := flag.String("accept", "", "Accept header (e.g. text/plain); empty for none")
	insecure := flag.Bool("insecure", false, "InsecureSkipVerify: true")
	flag.Parse()
	urls := flag.Args()
	if len(urls) == 0 {
		urls = []string{"https://localhost:8080/"}
	}

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
		InsecureSkipVerify: *insecure,
	}
	client := &http.Client{Transport: &http.Transport{TLSClientConfig: tlsConfig}, Timeout: 5 * time.Second}

	failed := false
	for _, url := range urls {
		req, err := http.NewRequest("GET", url, nil)
		if err != nil {
			log.Fatalf("Erro na requisição: %v", err)
		}
		if *accept != "" {
			req.Header.Set("Accept", *accept)
		}
		resp, err := client.Do(req)
		if err != nil {
			fmt.Printf("%s: Erro na requisição: %v\n", url, err)
			failed = true
			continue
		}
		body, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		if err != nil {
			fmt.Printf("%s: Erro ao ler resposta: %v\n", url, err)
			failed = true
			continue
		}
		fmt.Printf("Resposta do servidor: %s\n", body)
	}
	if failed {
		os.Exit(1)
	}
}
