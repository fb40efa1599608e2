// The seed's Go client (article 000): client.pem/client.key as its identity, ca.pem as its only trust.
// -insecure sets InsecureSkipVerify: true, the pitfall a client audit must catch.
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
	insecure := flag.Bool("insecure", false, "InsecureSkipVerify: true")
	flag.Parse()
	cert, err := tls.LoadX509KeyPair("client.pem", "client.key")
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
		Certificates:       []tls.Certificate{cert},
		RootCAs:            caCertPool,
		InsecureSkipVerify: *insecure,
	}
	client := &http.Client{Transport: &http.Transport{TLSClientConfig: tlsConfig}, Timeout: 5 * time.Second}
	for _, url := range flag.Args() {
		resp, err := client.Get(url)
		if err != nil {
			fmt.Printf("%s: Erro na requisição: %v\n", url, err)
			continue
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		fmt.Printf("%s: Resposta do servidor: %d %q\n", url, resp.StatusCode, body)
	}
}
