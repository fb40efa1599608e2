package io.mtlslab.scenario;

/** One client behaviour of the matrix: the valid client, and each attack or mistake mTLS must stop. */
public enum Scenario {
    VALID_CLIENT("valid client", false),
    NO_CLIENT_CERTIFICATE("no client certificate", true),
    ROGUE_CA_SAME_NAME("client certificate from a rogue CA with the real CA's name", true),
    EXPIRED_CLIENT("expired client certificate", true),
    NOT_YET_VALID_CLIENT("client certificate not valid yet", true),
    SERVER_CERT_AS_CLIENT("server certificate used as client (no clientAuth EKU)", true),
    REVOKED_CLIENT("revoked client certificate", true),
    SELF_SIGNED_LOOKALIKE("self-signed look-alike of the real client", true),
    WRONG_HOST_NAME("server name not in the certificate's SANs", true),
    CLIENT_DISTRUSTS_SERVER_CA("client that does not trust the server's CA", true),
    TLS11_ONLY_CLIENT("TLS 1.1-only client", true);

    private final String label;
    private final boolean attack;

    Scenario(String label, boolean attack) {
        this.label = label;
        this.attack = attack;
    }

    /** How the matrix names it. */
    public String label() {
        return label;
    }

    /** Whether a secure setup must refuse it. */
    public boolean attack() {
        return attack;
    }
}
