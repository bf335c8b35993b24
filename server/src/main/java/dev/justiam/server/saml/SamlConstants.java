package dev.justiam.server.saml;

import java.util.Arrays;
import java.util.List;

import dev.justiam.server.applications.NameIdFormat;

/** Every SAML URN and parameter name JustIAM uses, written once. */
public final class SamlConstants {

    // Namespaces (SAML Core 1.2, Metadata 1.2, XML Signature).
    public static final String NS_PROTOCOL = "urn:oasis:names:tc:SAML:2.0:protocol";
    public static final String NS_ASSERTION = "urn:oasis:names:tc:SAML:2.0:assertion";
    public static final String NS_METADATA = "urn:oasis:names:tc:SAML:2.0:metadata";
    public static final String NS_DSIG = "http://www.w3.org/2000/09/xmldsig#";

    // Bindings (SAML Bindings 3.4, 3.5).
    public static final String BINDING_REDIRECT = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect";
    public static final String BINDING_POST = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST";

    // NameID formats (SAML Core 8.3) are the applications' NameIdFormat values.
    public static final List<String> NAMEID_FORMATS =
            Arrays.stream(NameIdFormat.values()).map(NameIdFormat::urn).toList();

    // Status codes (SAML Core 3.2.2.2).
    public static final String STATUS_SUCCESS = "urn:oasis:names:tc:SAML:2.0:status:Success";
    public static final String STATUS_REQUESTER = "urn:oasis:names:tc:SAML:2.0:status:Requester";
    public static final String STATUS_RESPONDER = "urn:oasis:names:tc:SAML:2.0:status:Responder";
    public static final String STATUS_NO_PASSIVE = "urn:oasis:names:tc:SAML:2.0:status:NoPassive";

    // Authentication context and attributes (SAML Authn Context 3.4.13, SAML Core 8.2.2).
    public static final String AUTHN_CONTEXT_PASSWORD_PROTECTED_TRANSPORT =
            "urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport";
    public static final String ATTRNAME_FORMAT_BASIC = "urn:oasis:names:tc:SAML:2.0:attrname-format:basic";
    public static final String CONFIRMATION_BEARER = "urn:oasis:names:tc:SAML:2.0:cm:bearer";

    // Signatures: RSA-SHA256 with exclusive canonicalisation (XML Signature, RFC 6931).
    public static final String SIG_RSA_SHA256 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256";
    public static final String SIG_RSA_SHA384 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha384";
    public static final String SIG_RSA_SHA512 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha512";
    public static final String SIG_RSA_SHA1 = "http://www.w3.org/2000/09/xmldsig#rsa-sha1";

    // HTTP parameters (SAML Bindings 3.4.4.1, 3.5.4).
    public static final String PARAM_REQUEST = "SAMLRequest";
    public static final String PARAM_RESPONSE = "SAMLResponse";
    public static final String PARAM_RELAY_STATE = "RelayState";
    public static final String PARAM_SIG_ALG = "SigAlg";
    public static final String PARAM_SIGNATURE = "Signature";

    private SamlConstants() {
    }

    /** The NameID format of an application's stored setting (a URN); unspecified when unknown. */
    public static NameIdFormat nameIdFormat(String stored) {
        return stored == null ? NameIdFormat.UNSPECIFIED
                : NameIdFormat.fromUrn(stored).orElse(NameIdFormat.UNSPECIFIED);
    }

    /** The JCA name of a redirect-binding signature algorithm; null for one we do not accept. */
    public static String jcaSignatureAlgorithm(String sigAlg) {
        if (sigAlg == null) {
            return null;
        }
        return switch (sigAlg) {
            case SIG_RSA_SHA256 -> "SHA256withRSA";
            case SIG_RSA_SHA384 -> "SHA384withRSA";
            case SIG_RSA_SHA512 -> "SHA512withRSA";
            default -> null;
        };
    }
}
