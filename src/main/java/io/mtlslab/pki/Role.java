package io.mtlslab.pki;

import io.mtlslab.text.Message;

/** What a certificate is for; decides its extensions (basic constraints, key usage, EKU). */
public enum Role {
    ROOT_CA("ca"),
    INTERMEDIATE_CA("intermediate"),
    SERVER("server"),
    CLIENT("client");

    private final String id;

    Role(String id) {
        this.id = id;
    }

    /** The name used in workspace.json and on the command line. */
    public String id() {
        return id;
    }

    public boolean isCa() {
        return this == ROOT_CA || this == INTERMEDIATE_CA;
    }

    public static Role parse(String text) {
        for (Role role : values()) {
            if (role.id.equalsIgnoreCase(text == null ? "" : text.trim())) {
                return role;
            }
        }
        throw PkiException.of("role", "unknownChoice", Message.of("pkierror.kind.role"), text,
                "ca, intermediate, server, client");
    }
}
