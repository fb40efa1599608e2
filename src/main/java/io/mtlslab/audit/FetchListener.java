package io.mtlslab.audit;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A listener the audit points certificate URLs (AIA caIssuers, CRL distribution points) at, to see
 * whether the server under test fetches them: it records the first line of every request and answers
 * 404 — or, for the client audit, serves a file (the CRL of the revoked server). Bound to one address
 * only, the one the audit reaches the target from.
 */
final class FetchListener implements AutoCloseable {

    private final ServerSocket socket;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private final java.util.Map<String, byte[]> files = new java.util.concurrent.ConcurrentHashMap<>();

    FetchListener(InetAddress bind) throws IOException {
        socket = new ServerSocket(0, 16, bind);
        thread = new Thread(this::serve, "mtls-lab-audit-listener");
        thread.setDaemon(true);
        thread.start();
    }

    /** {@code http://address:port/path} on this listener. */
    String url(String path) {
        String host = socket.getInetAddress().getHostAddress();
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + socket.getLocalPort() + path;
    }

    /** Serves {@code content} at {@code path} from now on. */
    void serve(String path, byte[] content) {
        files.put(path, content.clone());
    }

    List<String> requests() {
        return List.copyOf(requests);
    }

    private void serve() {
        while (!socket.isClosed()) {
            try (Socket client = socket.accept()) {
                client.setSoTimeout(2000);
                String line = firstLine(client.getInputStream());
                requests.add(line + " from " + client.getInetAddress().getHostAddress());
                String[] parts = line.split(" ");
                byte[] file = parts.length > 1 ? files.get(parts[1]) : null;
                if (file == null) {
                    client.getOutputStream().write("HTTP/1.0 404 Not Found\r\nContent-Length: 0\r\n\r\n"
                            .getBytes(StandardCharsets.US_ASCII));
                } else {
                    client.getOutputStream().write(("HTTP/1.0 200 OK\r\nContent-Type: application/pkix-crl\r\n"
                            + "Content-Length: " + file.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                    client.getOutputStream().write(file);
                }
            } catch (IOException closedOrBroken) {
                // closed at the end of the audit, or a client that went away: nothing to record
            }
        }
    }

    private static String firstLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0 && c != '\n' && line.length() < 300) {
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
