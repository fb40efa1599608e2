package io.mtlslab.testing;

/**
 * The seed's {@code openssl req} config files, word for word, so tests that make a CSR the way the seed
 * does share one copy instead of each pasting its own.
 */
public final class SeedCsrConfigs {

    private SeedCsrConfigs() {
    }

    /** The seed's {@code server_cert_ext.cnf}: CN localhost, SANs localhost and 127.0.0.1. */
    public static final String SERVER = """
            [ req ]
            default_bits       = 2048
            prompt             = no
            default_md         = sha256
            distinguished_name = dn
            req_extensions     = req_ext

            [ dn ]
            C  = BR
            ST = Estado
            L  = Cidade
            O  = MinhaEmpresa
            OU = TI
            CN = localhost

            [ req_ext ]
            subjectAltName = @alt_names

            [ alt_names ]
            DNS.1 = localhost
            IP.1  = 127.0.0.1
            """;

    /** The seed's {@code client_cert_ext.cnf}: CN Cliente, OU CODIGODOCLIENTE, SAN DNS Cliente. */
    public static final String CLIENT = """
            [ req ]
            default_bits       = 2048
            prompt             = no
            default_md         = sha256
            distinguished_name = dn
            req_extensions     = req_ext

            [ dn ]
            C  = BR
            ST = Estado
            L  = Cidade
            O  = MinhaEmpresa
            OU = CODIGODOCLIENTE
            CN = Cliente

            [ req_ext ]
            subjectAltName = @alt_names

            [ alt_names ]
            DNS.1 = Cliente
            """;
}
