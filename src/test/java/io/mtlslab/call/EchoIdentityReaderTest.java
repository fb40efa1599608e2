package io.mtlslab.call;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtlslab.pki.Certificates;
import io.mtlslab.pki.Credential;
import io.mtlslab.pki.Workspace;
import io.mtlslab.server.EchoResponse;
import io.mtlslab.testing.TestPki;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading back the identity the echo server saw, through the server's own response type. */
class EchoIdentityReaderTest {

    @TempDir
    Path dir;

    private static HttpResponse body(String text) {
        return new HttpResponse(200, "OK", List.of(), text);
    }

    @Test
    void readsTheIdentityTheEchoServerWrote() {
        Workspace workspace = TestPki.seedWorkspace(dir);
        Credential client = TestPki.credential(workspace, Workspace.CLIENT);
        io.mtlslab.server.ClientIdentity of = io.mtlslab.server.ClientIdentity.of(client.certificate());
        io.mtlslab.server.ClientIdentity seen = new io.mtlslab.server.ClientIdentity(of.subject(), of.commonName(),
                of.organizationalUnits(), of.organization(), of.serialHex(), of.issuer(),
                Map.of("dns", List.of("cliente.example"), "ip", List.of("127.0.0.1")), of.emails(), of.notBefore(),
                of.notAfter(), of.sha256Fingerprint());
        String written = new EchoResponse(seen, new EchoResponse.Tls("openssl", "BoringSSL (netty-tcnative)", "TLSv1.3", "TLS_AES_128_GCM_SHA256", null),
                Map.of(), Map.of(), false, List.of(), null, Map.of(), null).toJson();

        PeerIdentity read = EchoIdentityReader.read(body(written));

        assertThat(read.commonName()).isEqualTo("Cliente");
        assertThat(read.organizationalUnits()).containsExactly("CODIGODOCLIENTE");
        assertThat(read.serialHex()).isEqualTo(Certificates.serialHex(client.certificate()));
        assertThat(read.sha256Fingerprint()).isEqualTo(Certificates.sha256Fingerprint(client.certificate()));
        assertThat(read.notAfter()).isEqualTo(client.certificate().getNotAfter().toInstant());
        assertThat(read.subjectAltNames()).containsExactly("dns:cliente.example", "ip:127.0.0.1");
    }

    @Test
    void anotherServersJsonYieldsNoIdentityEvenWithIdentityLikeKeys() {
        // The reader used to guess ("identity", "peer", "cn", "san"...): another server's JSON is not our echo.
        assertThat(EchoIdentityReader.read(body("{\"peer\": {\"cn\": \"Cliente\", \"serial\": \"01\"}}"))).isNull();
        assertThat(EchoIdentityReader.read(body("{\"identity\": {\"commonName\": \"Cliente\"}}"))).isNull();
    }

    @Test
    void readsTheSeedsThreeLines() {
        PeerIdentity read = EchoIdentityReader.read(body("Common Name: Cliente\nOrganization Unit: CODIGODOCLIENTE\n"
                + "Serial Number: 1f\n"));

        assertThat(read.commonName()).isEqualTo("Cliente");
        assertThat(read.serialHex()).isEqualTo("1f");
    }

    @Test
    void aResponseWithoutAClientYieldsNothing() {
        assertThat(EchoIdentityReader.read(body("{ \"error\": \"client certificate required\" }"))).isNull();
    }
}
