package io.mtlslab.app;

import io.mtlslab.testing.TestPki;
import org.junit.jupiter.api.BeforeAll;

/** {@link AppUnderTest} opened on the seed's workspace (CA, server and client), made once per test class. */
abstract class SeededAppUnderTest extends AppUnderTest {

    @BeforeAll
    static void seed() {
        TestPki.seedWorkspace(dir.resolve("workspace"));
    }
}
