package io.mtlslab.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.TimeUnit;

/**
 * Ports for real servers that cannot listen on port 0 (nginx, Apache httpd): a port the kernel just
 * handed out, and a wait until the server's process listens on it.
 */
public final class LocalPorts {

    private LocalPorts() {
    }

    /** A loopback port that was free a moment ago; callers retry with another one if a race took it. */
    public static int free() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** True once {@code port} accepts connections; false if {@code process} died or 15 s passed. */
    public static boolean awaitListening(Process process, int port) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            if (process != null && !process.isAlive() && process.exitValue() != 0) {
                return false;
            }
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
                return true;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        return false;
    }
}
