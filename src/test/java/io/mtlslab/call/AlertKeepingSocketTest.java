package io.mtlslab.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * A peer that answers (as a refusing TLS server answers with its alert) and then resets the connection
 * while we are still writing: the write error must not cost us the answer already received.
 */
class AlertKeepingSocketTest {

    @Test
    void whatThePeerSentBeforeResettingIsStillReadAfterAFailedWrite() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             Socket tcp = new Socket()) {
            tcp.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort()), 2000);
            tcp.setSoTimeout(2000);
            try (Socket peer = server.accept()) {
                tcp.getOutputStream().write(new byte[64]);        // unread by the peer: its close will reset
                Thread.sleep(100);
                peer.getOutputStream().write("refused".getBytes(StandardCharsets.US_ASCII));
                peer.setSoLinger(true, 0);
            }
            Thread.sleep(200);                                    // the reset has arrived

            AlertKeepingSocket socket = new AlertKeepingSocket(tcp);
            for (int i = 0; i < 4; i++) {                          // the rest of our flight meets the reset
                socket.getOutputStream().write(new byte[1024]);
                socket.getOutputStream().flush();
                Thread.sleep(20);
            }
            InputStream in = socket.getInputStream();
            byte[] answer = in.readNBytes(7);

            assertThat(socket.writeFailure()).isNotNull();
            assertThat(new String(answer, StandardCharsets.US_ASCII)).isEqualTo("refused");
        }
    }
}
