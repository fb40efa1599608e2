package io.mtlslab.call;

import io.mtlslab.diagnose.CallObservation;
import io.mtlslab.diagnose.CallOutcome;
import io.mtlslab.diagnose.CallOutcomes;
import io.mtlslab.diagnose.CallPhase;
import io.mtlslab.diagnose.CertificateFacts;
import io.mtlslab.diagnose.Diagnoser;
import io.mtlslab.diagnose.Diagnosis;
import io.mtlslab.tls.ClientKeyManager;
import io.mtlslab.tls.ClientTrustManager;
import io.mtlslab.text.Message;
import io.mtlslab.tls.TlsContexts;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.security.auth.x500.X500Principal;

/**
 * Makes one test call over a JSSE {@link SSLSocket} we drive ourselves, so that every step of the
 * handshake can be watched: the TCP connect, the handshake (with a recording key manager and trust
 * manager), then always a read — because in TLS 1.3 the server judges our certificate only after our
 * side of the handshake is done, and its refusal arrives at the first read.
 *
 * <p>Never throws for a failed call: the failure is the {@link Diagnosis} of the {@link CallResult}.
 */
public final class TestCall {

    /** How long a TLS 1.3 call listens for a late rejection before sending its request. */
    static final int LATE_REJECTION_PROBE_MILLIS = 50;
    private static final int PROBE_STEP_MILLIS = 2;

    private TestCall() {
    }

    public static CallResult run(CallRequest request) {
        return new Run(request).execute();
    }

    /** The state of one call while it runs. */
    private static final class Run {
        private final CallRequest request;
        private final ClientKeyManager keyManager;
        private final ClientTrustManager trustManager;
        private final long start = System.nanoTime();
        private Duration connect;
        private Duration handshake;
        private Duration firstByte;
        private long requestSent;
        private CallPhase phase = CallPhase.CONNECT;
        private String connectedAddress;
        private SSLSession session;
        private SSLContext context;
        private String alpn;
        private boolean resumed;
        private boolean readAfterHandshake;
        private HttpResponse response;
        private Throwable error;
        private final List<Message> notes = new ArrayList<>();

        Run(CallRequest request) {
            this.request = request;
            this.keyManager = new ClientKeyManager(request.identity() == null ? null : request.identity().credential(),
                    request.ignoreCaNames());
            ClientTrustManager checker = request.trust().kind() == TrustAnchor.Kind.SYSTEM
                    ? ClientTrustManager.system(request.crls())
                    : ClientTrustManager.trusting(request.trust().certificates(), request.crls());
            this.trustManager = request.acceptAnyServer() ? ClientTrustManager.recordingOnly(checker) : checker;
        }

        CallResult execute() {
            try {
                exchange();
            } catch (IOException | RuntimeException e) {
                error = e;
            }
            Duration total = Duration.ofNanos(System.nanoTime() - start);
            return finish(total);
        }

        private void exchange() throws IOException {
            InetAddress address = request.connectTo() != null ? request.connectTo() : InetAddress.getByName(request.host());
            Socket tcp = new Socket();
            try {
                tcp.connect(new InetSocketAddress(address, request.port()), millis(request.connectTimeout()));
                connectedAddress = address.getHostAddress() + ":" + request.port();
                connect = since(start);
                tcp.setSoTimeout(millis(request.readTimeout()));
                tcp.setTcpNoDelay(true);

                phase = CallPhase.HANDSHAKE;
                context = TlsContexts.context(keyManager, trustManager);
                AlertKeepingSocket transport = new AlertKeepingSocket(tcp);
                try (SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(transport, request.host(),
                        request.port(), true)) {
                    tls.setSSLParameters(parameters(tls.getSSLParameters()));
                    long handshakeStart = System.currentTimeMillis();
                    tls.startHandshake();
                    handshake = since(start).minus(connect);
                    session = tls.getSession();
                    alpn = tls.getApplicationProtocol();
                    resumed = session.getCreationTime() < handshakeStart;

                    phase = CallPhase.FIRST_READ;
                    try (HttpExchange http = new HttpExchange()) {
                        byte[] early = probeForLateRejection(tls);
                        requestSent = System.nanoTime();
                        http.send(request, tls.getOutputStream());
                        readAfterHandshake = true;
                        InputStream in = tls.getInputStream();
                        if (early != null) {
                            in = new java.io.SequenceInputStream(new java.io.ByteArrayInputStream(early), in);
                        }
                        response = http.receive(in, () -> {
                            firstByte = Duration.ofNanos(System.nanoTime() - requestSent);
                        });
                        phase = CallPhase.HTTP;
                    }
                }
            } finally {
                tcp.close();
            }
        }

        /**
         * TLS 1.3 with a certificate request: listen briefly before sending the request. A server that
         * refuses our certificate has its alert on the way already; reading it first keeps the alert
         * (writing first would meet the closed connection and lose it as "Broken pipe"). A server that
         * accepted sends a session ticket and then waits for the request: the ticket ends the probe.
         */
        private byte[] probeForLateRejection(SSLSocket tls) throws IOException {
            if (!"TLSv1.3".equals(session.getProtocol()) || !keyManager.asked()) {
                return null;
            }
            int previous = tls.getSoTimeout();
            long deadline = System.nanoTime() + LATE_REJECTION_PROBE_MILLIS * 1_000_000L;
            tls.setSoTimeout(PROBE_STEP_MILLIS);
            try {
                byte[] buffer = new byte[8192];
                while (System.nanoTime() < deadline) {
                    try {
                        int read = tls.getInputStream().read(buffer);
                        if (read < 0) {
                            throw new java.io.EOFException("the server closed the connection right after the handshake");
                        }
                        return java.util.Arrays.copyOf(buffer, read);
                    } catch (java.net.SocketTimeoutException quiet) {
                        // A session ticket arrives only once the server has accepted our Finished (and with it
                        // our certificate): no need to wait for the rest of the probe.
                        if (context.getClientSessionContext().getIds().hasMoreElements()) {
                            return null;
                        }
                    }
                }
                return null;
            } finally {
                if (!tls.isClosed()) {
                    tls.setSoTimeout(previous);
                }
            }
        }

        private SSLParameters parameters(SSLParameters parameters) {
            parameters.setProtocols(request.protocols().toArray(String[]::new));
            // Host-name verification as browsers, curl and Go do it (RFC 2818 / 6125 against the SANs).
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            parameters.setApplicationProtocols(new String[] {"http/1.1"});
            if (!CertificateFacts.isIpLiteral(request.host())) {
                parameters.setServerNames(List.of(new SNIHostName(request.host())));
            }
            return parameters;
        }

        private CallResult finish(Duration total) {
            if (error != null && phase == CallPhase.FIRST_READ && firstByte != null) {
                phase = CallPhase.HTTP;
            }
            boolean handshakeDone = handshake != null;
            boolean late = error != null && handshakeDone && response == null && phase == CallPhase.FIRST_READ
                    && keyManager.asked() && (Diagnoser.alert(error) != null || error instanceof IOException);
            List<X509Certificate> serverChain = trustManager.serverChain();
            List<X509Certificate> clientChain = keyManager.chainOnOffer();

            CallObservation seen = new CallObservation(request.host(), request.port(), error == null ? null : phase,
                    error, request.protocols(), session == null ? null : session.getProtocol(), keyManager.asked(),
                    keyManager.acceptedIssuers(), keyManager.requestedKeyTypes(), clientChain, keyManager.sent(),
                    // with a server accepted anyway, whatever failed was not the client's refusal of it
                    serverChain, request.acceptAnyServer() ? null : trustManager.refusal(), anchors(),
                    request.trust().kind() == TrustAnchor.Kind.SYSTEM,
                    request.referenceCa(), request.crls(), response == null ? null : response.status(),
                    response == null ? null : response.body(), unsafeLabels(response), Instant.now());
            Diagnosis diagnosis = Diagnoser.diagnose(seen);
            CallOutcome outcome = CallOutcomes.of(seen, diagnosis);

            if (late) {
                notes.add(Message.of(Diagnoser.alert(error) == null ? "report.note.lateRejection.noAlert"
                        : "report.note.lateRejection", session.getProtocol()));
            } else if (handshakeDone && readAfterHandshake && response != null && outcome.answered()) {
                notes.add(Message.of(keyManager.sent() ? "report.note.accepted.withCertificate"
                        : "report.note.accepted.withoutCertificate", String.valueOf(response.status())));
            } else if (handshakeDone && readAfterHandshake && response != null) {
                notes.add(Message.of("report.note.errorAfterHandshake", String.valueOf(response.status())));
            }

            List<String> caNames = keyManager.acceptedIssuers() == null ? List.of()
                    : keyManager.acceptedIssuers().stream().map(p -> p.getName(X500Principal.RFC2253)).toList();
            AskedVsPresented asked = new AskedVsPresented(keyManager.asked(), keyManager.acceptedIssuers() != null,
                    caNames, keyManager.requestedKeyTypes(), CertificateSummary.of(clientChain),
                    keyManager.sent() && !clientChain.isEmpty() ? CertificateSummary.of(clientChain.get(0)) : null,
                    keyManager.notSentReason());
            if (!handshakeDone && !keyManager.asked() && request.identity() != null && error != null) {
                notes.add(Message.of("report.note.stoppedBeforeRequest"));
            }
            HandshakeReport report = new HandshakeReport(request.host(), request.port(), connectedAddress,
                    request.protocols(), handshakeDone, session == null ? null : session.getProtocol(),
                    session == null ? null : session.getCipherSuite(), alpn == null || alpn.isEmpty() ? null : alpn,
                    resumed, CertificateSummary.of(serverChain), trustManager.accepted(),
                    asked, new Timings(connect, handshake, firstByte, total), readAfterHandshake, late, notes);

            List<Message> peerNotes = new ArrayList<>();
            PeerIdentity client = EchoIdentityReader.read(response);
            if (response != null && client == null && keyManager.sent()) {
                peerNotes.add(Message.of("report.note.noEchoIdentity"));
            }
            PeerIdentity server = serverChain.isEmpty() ? null
                    : PeerIdentity.ofServer(serverChain.get(0), CertificateFacts.matchesHost(serverChain.get(0), request.host()));
            return new CallResult(request, report, response, new PeerIdentities(client, server, peerNotes), outcome,
                    diagnosis, Equivalents.of(request));
        }

        /** The unsafe modes mTLS Lab's echo server declares in every answer of such a mode. */
        private static List<String> unsafeLabels(HttpResponse response) {
            String header = response == null ? null : response.header(io.mtlslab.server.EchoResponse.UNSAFE_HEADER);
            return header == null || header.isBlank() ? List.of()
                    : java.util.Arrays.stream(header.split("\\|")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        }

        private List<X509Certificate> anchors() {
            if (request.trust().kind() == TrustAnchor.Kind.SYSTEM) {
                return trustManager.serverChain().isEmpty() ? List.of() : TlsContexts.systemAnchors();
            }
            return request.trust().certificates();
        }

        private static Duration since(long start) {
            return Duration.ofNanos(System.nanoTime() - start);
        }

        private static int millis(Duration duration) {
            return (int) Math.min(Integer.MAX_VALUE, Math.max(1, duration.toMillis()));
        }
    }
}
