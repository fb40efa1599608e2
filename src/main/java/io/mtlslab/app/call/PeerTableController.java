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

    /** A row of the table: its field name's key and how the field is read from a peer. */
    private record Field(String key, Function<PeerIdentity, String> value) {
    }

    /** The rows in the order shown; the host name check ({@code call.field.hostname}) follows when the client made one. */
    private static final List<Field> FIELDS = List.of(
            new Field("call.field.cn", PeerIdentity::commonName),
            new Field("call.field.ou", p -> String.join(", ", p.organizationalUnits())),
            new Field("call.field.o", PeerIdentity::organization),
            new Field("call.field.serial", PeerIdentity::serialHex),
            new Field("call.field.subject", PeerIdentity::subject),
            new Field("call.field.issuer", PeerIdentity::issuer),
            new Field("call.field.sans", p -> String.join(", ", p.subjectAltNames())),
            new Field("call.field.notAfter", p -> p.notAfter() == null ? "" : p.notAfter().toString()),
            new Field("call.field.fingerprint", PeerIdentity::sha256Fingerprint));

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
        // the field names ("Organizational unit (OU)") are short and are what a row is read by: never cut
        List<String> names = new ArrayList<>(FIELDS.stream().map(field -> context.text(field.key())).toList());
        names.add(context.text("call.field.hostname"));
        Tables.keepWhole(identityTable.getColumns().get(0), names);
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
        for (Field field : FIELDS) {
            rows.add(row(field.key(), client, server, field.value()));
        }
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
