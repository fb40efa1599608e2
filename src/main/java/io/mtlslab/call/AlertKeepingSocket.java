package io.mtlslab.call;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;

/**
 * The TCP socket under the call's TLS socket, keeping a refusing server's alert readable.
 *
 * <p>A server that refuses the client certificate sends its alert and closes; a client still writing
 * (the rest of its TLS 1.3 flight, or the request) then meets "Broken pipe" or "Connection reset",
 * and JSSE gives up on that write error without reading the alert already waiting in the receive
 * buffer. Here a failed write is remembered and swallowed, so JSSE goes on to read and reports the
 * alert; when nothing is left to read the read fails and the remembered write error is attached to it.
 * Linux may drop data received before a reset, so the alert is read when it can be, not always.
 */
final class AlertKeepingSocket extends Socket {

    private final Socket tcp;
    private volatile IOException writeFailure;

    AlertKeepingSocket(Socket tcp) {
        this.tcp = tcp;
    }

    /** The write error swallowed so that the peer's alert could still be read, if any. */
    IOException writeFailure() {
        return writeFailure;
    }

    @Override
    public OutputStream getOutputStream() throws IOException {
        return new FilterOutputStream(tcp.getOutputStream()) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                if (writeFailure != null) {
                    return;
                }
                try {
                    out.write(b, off, len);
                } catch (SocketException peerGone) {
                    writeFailure = peerGone;
                }
            }

            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void flush() throws IOException {
                if (writeFailure == null) {
                    try {
                        out.flush();
                    } catch (SocketException peerGone) {
                        writeFailure = peerGone;
                    }
                }
            }
        };
    }

    @Override
    public InputStream getInputStream() throws IOException {
        InputStream in = tcp.getInputStream();
        return new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                int n = read(one, 0, 1);
                return n < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                try {
                    int n = in.read(b, off, len);
                    if (n < 0 && writeFailure != null) {
                        throw writeFailure;
                    }
                    return n;
                } catch (IOException readFailed) { // a reset, or a timeout: the write failure goes with it
                    if (writeFailure != null && readFailed != writeFailure) {
                        readFailed.addSuppressed(writeFailure);
                    }
                    throw readFailed;
                }
            }

            @Override
            public int available() throws IOException {
                return in.available();
            }
        };
    }

    @Override public boolean isConnected() { return tcp.isConnected(); }
    @Override public boolean isBound() { return tcp.isBound(); }
    @Override public boolean isClosed() { return tcp.isClosed(); }
    @Override public boolean isInputShutdown() { return tcp.isInputShutdown(); }
    @Override public boolean isOutputShutdown() { return tcp.isOutputShutdown(); }
    @Override public InetAddress getInetAddress() { return tcp.getInetAddress(); }
    @Override public InetAddress getLocalAddress() { return tcp.getLocalAddress(); }
    @Override public int getPort() { return tcp.getPort(); }
    @Override public int getLocalPort() { return tcp.getLocalPort(); }
    @Override public SocketAddress getRemoteSocketAddress() { return tcp.getRemoteSocketAddress(); }
    @Override public SocketAddress getLocalSocketAddress() { return tcp.getLocalSocketAddress(); }
    @Override public void setSoTimeout(int timeout) throws SocketException { tcp.setSoTimeout(timeout); }
    @Override public int getSoTimeout() throws SocketException { return tcp.getSoTimeout(); }
    @Override public void setTcpNoDelay(boolean on) throws SocketException { tcp.setTcpNoDelay(on); }
    @Override public boolean getTcpNoDelay() throws SocketException { return tcp.getTcpNoDelay(); }
    @Override public void setSoLinger(boolean on, int linger) throws SocketException { tcp.setSoLinger(on, linger); }
    @Override public int getSoLinger() throws SocketException { return tcp.getSoLinger(); }
    @Override public void setKeepAlive(boolean on) throws SocketException { tcp.setKeepAlive(on); }
    @Override public boolean getKeepAlive() throws SocketException { return tcp.getKeepAlive(); }
    @Override public void shutdownInput() throws IOException { tcp.shutdownInput(); }
    @Override public void shutdownOutput() throws IOException { tcp.shutdownOutput(); }
    @Override public void close() throws IOException { tcp.close(); }
    @Override public String toString() { return tcp.toString(); }
}
