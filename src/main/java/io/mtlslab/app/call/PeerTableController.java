package io.mtlslab.app.call;

import io.mtlslab.app.AppContext;
import io.mtlslab.app.common.Tables;
import io.mtlslab.call.PeerIdentities;
import io.mtlslab.call.PeerIdentity;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/** The peer identity table (C3): each certificate field as the server saw the client and the client the server. */
public class PeerTableController {

    /** One line of the peer identity table. */
    public record IdentityRow(String field, String client, String server) {
    }

    private final AppContext context;

    @FXML private TableView<IdentityRow> identityTable;
    @FXML private Label identityNotes;

    public PeerTableController(AppContext context) {
        this.context = context;
    }

    @FXML
    private void initialize() {
        identityTable.getStyleClass().add("identity-table");
        identityTable.getColumns().add(column(context.text("call.identities.field"), IdentityRow::field));
        identityTable.getColumns().add(column(context.text("call.identities.client"), IdentityRow::client));
        identityTable.getColumns().add(column(context.text("call.identities.server"), IdentityRow::server));
        Tables.readable(identityTable, context.text("action.copy"));
        Tables.widthsInEm(identityTable, 11, 26, 26);
        Tables.heightToRows(identityTable);
        identityTable.setPlaceholder(new Label(context.text("call.identities.empty")));
    }

    private static TableColumn<IdentityRow, String> column(String title, Function<IdentityRow, String> value) {
        TableColumn<IdentityRow, String> column = new TableColumn<>(title);
        column.setCellValueFactory(data -> new ReadOnlyStringWrapper(value.apply(data.getValue())));
        column.setSortable(false);
        return column;
    }

    /** Shows the peers of a call; {@code null} empties the table. */
    void render(PeerIdentities peers) {
        identityTable.getItems().clear();
        identityNotes.setText("");
        if (peers == null) {
            return;
        }
        PeerIdentity client = peers.clientAsSeenByServer();
        PeerIdentity server = peers.serverAsSeenByClient();
        List<IdentityRow> rows = new ArrayList<>();
        rows.add(row("call.field.cn", client, server, PeerIdentity::commonName));
        rows.add(row("call.field.ou", client, server, p -> String.join(", ", p.organizationalUnits())));
        rows.add(row("call.field.o", client, server, PeerIdentity::organization));
        rows.add(row("call.field.serial", client, server, PeerIdentity::serialHex));
        rows.add(row("call.field.subject", client, server, PeerIdentity::subject));
        rows.add(row("call.field.issuer", client, server, PeerIdentity::issuer));
        rows.add(row("call.field.sans", client, server, p -> String.join(", ", p.subjectAltNames())));
        rows.add(row("call.field.notAfter", client, server, p -> p.notAfter() == null ? "" : p.notAfter().toString()));
        rows.add(row("call.field.fingerprint", client, server, PeerIdentity::sha256Fingerprint));
        if (server != null && server.hostnameMatch() != null) {
            rows.add(new IdentityRow(context.text("call.field.hostname"), "",
                    context.text(server.hostnameMatch() ? "call.yes" : "call.no")));
        }
        identityTable.getItems().setAll(rows);
        List<String> notes = new ArrayList<>(peers.notes());
        if (client == null) {
            notes.add(0, context.text("call.identities.noClient"));
        }
        identityNotes.setText(String.join("\n", notes));
    }

    private IdentityRow row(String key, PeerIdentity client, PeerIdentity server, Function<PeerIdentity, String> value) {
        return new IdentityRow(context.text(key), client == null ? "—" : CallViews.orDash(value.apply(client)),
                server == null ? "—" : CallViews.orDash(value.apply(server)));
    }
}
