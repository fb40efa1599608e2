package io.mtlslab.cli;

import io.mtlslab.pki.IdentityEntry;
import io.mtlslab.pki.IdentityStatus;
import io.mtlslab.pki.Workspace;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mtls-lab list}: the workspace's identities with their status, as the GUI's identities list shows them. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List the workspace's identities with role, status (valid, expiring within 30 days, expired, "
                + "not-yet-valid, revoked), valid-until date and subject.")
public final class ListCommand implements Callable<Integer> {

    @Mixin
    WorkspaceOption workspace;

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print the list as JSON.")
    boolean json;

    @Override
    public Integer call() {
        Workspace ws = workspace.open();
        Instant now = Instant.now();
        PrintWriter out = spec.commandLine().getOut();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (IdentityEntry entry : ws.identities()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", entry.name());
            row.put("role", entry.role().id());
            row.put("status", IdentityStatus.of(entry, ws.identities(), now).id());
            row.put("notAfter", entry.notAfter().toString());
            row.put("serial", entry.serialHex());
            row.put("subject", entry.subject());
            rows.add(row);
        }
        if (json) {
            out.println(JsonOutput.render(rows));
            return 0;
        }
        if (rows.isEmpty()) {
            out.println("no identities in " + ws.dir() + " — create them with: mtls-lab ca create --dir " + ws.dir());
            return 0;
        }
        out.printf("%-16s %-12s %-14s %-20s %s%n", "NAME", "ROLE", "STATUS", "VALID UNTIL", "SUBJECT");
        for (Map<String, Object> row : rows) {
            out.printf("%-16s %-12s %-14s %-20s %s%n", row.get("name"), row.get("role"), row.get("status"),
                    row.get("notAfter"), row.get("subject"));
        }
        return 0;
    }
}
