package dev.justiam.server.applications;

import java.util.Arrays;
import java.util.Optional;

/** SAML NameID formats an application may ask for: the API's short name and the URN stored and sent. */
public enum NameIdFormat {
    EMAIL("email", "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress"),
    PERSISTENT("persistent", "urn:oasis:names:tc:SAML:2.0:nameid-format:persistent"),
    TRANSIENT("transient", "urn:oasis:names:tc:SAML:2.0:nameid-format:transient"),
    UNSPECIFIED("unspecified", "urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified");

    private final String shortName;
    private final String urn;

    NameIdFormat(String shortName, String urn) {
        this.shortName = shortName;
        this.urn = urn;
    }

    public String shortName() {
        return shortName;
    }

    public String urn() {
        return urn;
    }

    public static Optional<NameIdFormat> fromShortName(String name) {
        return Arrays.stream(values()).filter(f -> f.shortName.equals(name)).findFirst();
    }

    public static Optional<NameIdFormat> fromUrn(String urn) {
        return Arrays.stream(values()).filter(f -> f.urn.equals(urn)).findFirst();
    }
}
