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
		fmt.Fprintf(w, "Common Name: %s\nOrganization Unit: %s\nSerial Number: %s\n",
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
