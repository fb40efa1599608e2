package io.mtlslab.app.call;

import io.mtlslab.app.AppContext;
import io.mtlslab.app.common.KeyValueGrid;
import io.mtlslab.call.HandshakeReport;
import io.mtlslab.call.Timings;
import javafx.fxml.FXML;

/** The handshake tab (C2): where the client connected, what was offered and agreed, timings, late rejections. */
public class HandshakeController {

    private final AppContext context;

    @FXML private KeyValueGrid handshakeGrid;

    public HandshakeController(AppContext context) {
        this.context = context;
    }

    /** Shows the handshake of a call; {@code null} empties the tab. */
    void render(HandshakeReport report) {
        handshakeGrid.clear();
        if (report == null) {
            return;
        }
        line("call.hs.connected", report.host() + ":" + report.port()
                + (report.connectedAddress() == null ? "" : "  (" + report.connectedAddress() + ")"));
        line("call.hs.offered", String.join(", ", report.offeredProtocols()));
        line("call.hs.completed", yesNo(report.completed()));
        line("call.hs.protocol", report.protocol());
        line("call.hs.cipher", report.cipherSuite());
        line("call.hs.alpn", report.alpn());
        line("call.hs.resumed", yesNo(report.resumed()));
        line("call.hs.trusted", yesNo(report.serverTrusted()));
        Timings timings = report.timings();
        if (timings != null) {
            line("call.hs.timings", context.text("call.hs.timings.value", CallViews.millis(timings.connect()),
                    CallViews.millis(timings.handshake()), CallViews.millis(timings.firstByte()),
                    CallViews.millis(timings.total())));
        }
        line("call.hs.read", context.text(report.readAfterHandshake() ? "call.hs.read.yes" : "call.hs.read.no"));
        if (report.rejectedAfterHandshake()) {
            line("call.hs.late", context.text("call.hs.late.text"));
        }
        if (!report.notes().isEmpty()) {
            line("call.hs.notes", String.join("\n", report.notes()));
        }
    }

    private String yesNo(boolean value) {
        return context.text(value ? "call.yes" : "call.no");
    }

    private void line(String key, String value) {
        handshakeGrid.add(context.text(key), value);
    }
}
