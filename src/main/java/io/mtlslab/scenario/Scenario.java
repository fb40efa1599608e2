package io.mtlslab.scenario;

import io.mtlslab.text.Texts;

/** One client behaviour of the matrix: the valid client, and each attack or mistake mTLS must stop. */
public enum Scenario {
    VALID_CLIENT(false),
    NO_CLIENT_CERTIFICATE(true),
    ROGUE_CA_SAME_NAME(true),
    EXPIRED_CLIENT(true),
    NOT_YET_VALID_CLIENT(true),
    SERVER_CERT_AS_CLIENT(true),
    REVOKED_CLIENT(true),
    SELF_SIGNED_LOOKALIKE(true),
    WRONG_HOST_NAME(true),
    CLIENT_DISTRUSTS_SERVER_CA(true),
    TLS11_ONLY_CLIENT(true);

    private final boolean attack;

    Scenario(boolean attack) {
        this.attack = attack;
    }

    /** How the matrix names it, in the current language ({@code scenario.name.<NAME>} in the core bundle). */
    public String label() {
        return Texts.text("scenario.name." + name());
    }

    /** Whether a secure setup must refuse it. */
    public boolean attack() {
        return attack;
    }
}
