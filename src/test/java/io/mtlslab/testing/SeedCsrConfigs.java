package io.mtlslab.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The seed's {@code openssl req} config files, word for word, kept once as test resources
 * ({@code src/test/resources/io/mtlslab/testing/*.cnf}) for the tests that make a CSR the way the seed
 * does and for {@code bench/init.sh}, which times the seed's OpenSSL recipe.
 */
public final class SeedCsrConfigs {

    /** The seed's {@code server_cert_ext.cnf}: CN localhost, SANs localhost and 127.0.0.1. */
    public static final String SERVER = read("server_cert_ext.cnf");

    /** The seed's {@code client_cert_ext.cnf}: CN Cliente, OU CODIGODOCLIENTE, SAN DNS Cliente. */
    public static final String CLIENT = read("client_cert_ext.cnf");

    private SeedCsrConfigs() {
    }

    private static String read(String name) {
        try (InputStream in = SeedCsrConfigs.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
