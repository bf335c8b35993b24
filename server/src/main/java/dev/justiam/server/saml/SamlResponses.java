package dev.justiam.server.saml;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;

import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.XMLGregorianCalendar;

import dev.justiam.server.keys.SigningKeys.SigningCredential;
import org.keycloak.dom.saml.v2.assertion.AssertionType;
import org.keycloak.dom.saml.v2.assertion.AttributeStatementType;
import org.keycloak.dom.saml.v2.assertion.AttributeType;
import org.keycloak.dom.saml.v2.assertion.AuthnStatementType;
import org.keycloak.dom.saml.v2.assertion.ConditionsType;
import org.keycloak.dom.saml.v2.assertion.NameIDType;
import org.keycloak.dom.saml.v2.protocol.ResponseType;
import org.keycloak.saml.BaseSAML2BindingBuilder;
import org.keycloak.saml.SAML2LoginResponseBuilder;
import org.keycloak.saml.SAML2LogoutResponseBuilder;
import org.keycloak.saml.SignatureAlgorithm;
import org.keycloak.saml.common.exceptions.ConfigurationException;
import org.keycloak.saml.common.exceptions.ParsingException;
import org.keycloak.saml.common.exceptions.ProcessingException;
import org.keycloak.saml.processing.api.saml.v2.response.SAML2Response;
import org.keycloak.saml.processing.core.saml.v2.common.IDGenerator;
import org.keycloak.saml.processing.core.saml.v2.factories.JBossSAMLAuthnResponseFactory;
import org.keycloak.saml.processing.core.saml.v2.util.StatementUtil;
import org.w3c.dom.Document;

/**
 * Builds and signs the messages the IdP sends: the sign-in Response (SAML Profiles 4.1.4.2), the
 * NoPassive error Response and the LogoutResponse. Signatures are RSA-SHA256 with exclusive
 * canonicalisation; the assertion, the response or both are signed as the application asks.
 * Results are base64 for the HTTP-POST binding.
 */
final class SamlResponses {

    /** How long the SP may take to consume the assertion after it is issued. */
    static final Duration ASSERTION_LIFETIME = Duration.ofMinutes(5);
    /** Allowance for clocks of the SP running a little behind ours. */
    static final Duration NOT_BEFORE_SKEW = Duration.ofSeconds(30);

    private static final DatatypeFactory XML_TIME = datatypeFactory();

    private SamlResponses() {
    }

    /** What one successful sign-in response says. {@code requestId} is null when unsolicited. */
    record Login(String idpEntityId, String spEntityId, String acsUrl, String requestId, String nameIdFormat,
            String nameId, Instant authenticatedAt, String sessionIndex, Map<String, List<String>> attributes,
            boolean signResponse, boolean signAssertion) {
    }

    static String login(Login in, SigningCredential key) {
        try {
            SAML2LoginResponseBuilder builder = new SAML2LoginResponseBuilder()
                    .issuer(in.idpEntityId())
                    .destination(in.acsUrl())
                    .requestID(in.requestId())
                    .requestIssuer(in.spEntityId())
                    .nameIdentifier(in.nameIdFormat(), in.nameId())
                    .assertionExpiration((int) ASSERTION_LIFETIME.toSeconds())
                    .subjectExpiration((int) ASSERTION_LIFETIME.toSeconds())
                    .disableAuthnStatement(true);
            ResponseType response = builder.buildModel();
            AssertionType assertion = response.getAssertions().get(0).getAssertion();

            ConditionsType conditions = assertion.getConditions();
            conditions.setNotBefore(minus(conditions.getNotBefore(), NOT_BEFORE_SKEW));

            // SAML Core 2.7.2: AuthnInstant is when the person authenticated, not when we answer.
            AuthnStatementType authn = StatementUtil.createAuthnStatement(xmlTime(in.authenticatedAt()),
                    SamlConstants.AUTHN_CONTEXT_PASSWORD_PROTECTED_TRANSPORT);
            authn.setSessionIndex(in.sessionIndex());
            assertion.addStatement(authn);

            if (!in.attributes().isEmpty()) {
                assertion.addStatement(attributeStatement(in.attributes()));
            }
            Document document = builder.buildDocument(response);
            return sign(document, key, in.signResponse(), in.signAssertion());
        } catch (ConfigurationException | ProcessingException | IOException e) {
            throw new IllegalStateException("SAML response cannot be built", e);
        }
    }

    /** SAML Core 3.4.1.3: IsPassive and no session means a NoPassive status to the requester. */
    static String noPassive(String idpEntityId, String acsUrl, String requestId, SigningCredential key) {
        try {
            ResponseType response = new ResponseType(IDGenerator.create("ID_"), XML_TIME.newXMLGregorianCalendar(
                    gregorian(Instant.now())));
            response.setStatus(JBossSAMLAuthnResponseFactory.createStatusTypeForResponder(
                    SamlConstants.STATUS_NO_PASSIVE));
            NameIDType issuer = new NameIDType();
            issuer.setValue(idpEntityId);
            response.setIssuer(issuer);
            response.setDestination(acsUrl);
            response.setInResponseTo(requestId);
            Document document = new SAML2Response().convert(response);
            return sign(document, key, true, false);
        } catch (ConfigurationException | ProcessingException | ParsingException | IOException e) {
            throw new IllegalStateException("SAML error response cannot be built", e);
        }
    }

    /** A signed LogoutResponse for the HTTP-POST binding. */
    static String logoutForPost(String idpEntityId, String sloUrl, String requestId, SigningCredential key) {
        try {
            return sign(logoutDocument(idpEntityId, sloUrl, requestId), key, true, false);
        } catch (ConfigurationException | ProcessingException | IOException e) {
            throw new IllegalStateException("SAML logout response cannot be built", e);
        }
    }

    /**
     * The SLO URL with a LogoutResponse for the HTTP-Redirect binding: DEFLATE, base64 and an
     * RSA-SHA256 query signature (SAML Bindings 3.4.4.1); the XML itself carries no signature.
     */
    static String logoutForRedirect(String idpEntityId, String sloUrl, String requestId, String relayState,
            SigningCredential key) {
        try {
            BaseSAML2BindingBuilder<?> binding = new BaseSAML2BindingBuilder<>()
                    .signWith(key.kid(), key.keyPair(), key.certificate())
                    .signatureAlgorithm(SignatureAlgorithm.RSA_SHA256)
                    .signDocument()
                    .relayState(relayState);
            return binding.redirectBinding(logoutDocument(idpEntityId, sloUrl, requestId)).responseURI(sloUrl)
                    .toString();
        } catch (ConfigurationException | ProcessingException | IOException e) {
            throw new IllegalStateException("SAML logout response cannot be built", e);
        }
    }

    private static Document logoutDocument(String idpEntityId, String sloUrl, String requestId)
            throws ProcessingException {
        return new SAML2LogoutResponseBuilder()
                .issuer(idpEntityId)
                .destination(sloUrl)
                .logoutRequestID(requestId)
                .buildDocument();
    }

    private static String sign(Document document, SigningCredential key, boolean signResponse,
            boolean signAssertion) throws ProcessingException, ConfigurationException, IOException {
        BaseSAML2BindingBuilder<?> binding = new BaseSAML2BindingBuilder<>()
                .signWith(key.kid(), key.keyPair(), key.certificate())
                .signatureAlgorithm(SignatureAlgorithm.RSA_SHA256)
                .canonicalizationMethod(CanonicalizationMethod.EXCLUSIVE);
        if (signAssertion) {
            binding.signAssertions();
        }
        if (signResponse) {
            binding.signDocument();
        }
        return binding.postBinding(document).encoded();
    }

    private static AttributeStatementType attributeStatement(Map<String, List<String>> attributes) {
        AttributeStatementType statement = new AttributeStatementType();
        attributes.forEach((name, values) -> {
            AttributeType attribute = new AttributeType(name);
            attribute.setNameFormat(SamlConstants.ATTRNAME_FORMAT_BASIC);
            values.forEach(attribute::addAttributeValue);
            statement.addAttribute(new AttributeStatementType.ASTChoiceType(attribute));
        });
        return statement;
    }

    private static XMLGregorianCalendar minus(XMLGregorianCalendar time, Duration d) {
        XMLGregorianCalendar copy = (XMLGregorianCalendar) time.clone();
        copy.add(XML_TIME.newDuration(-d.toMillis()));
        return copy;
    }

    static XMLGregorianCalendar xmlTime(Instant instant) {
        return XML_TIME.newXMLGregorianCalendar(gregorian(instant));
    }

    private static GregorianCalendar gregorian(Instant instant) {
        GregorianCalendar c = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        c.setTimeInMillis(instant.toEpochMilli());
        return c;
    }

    private static DatatypeFactory datatypeFactory() {
        try {
            return DatatypeFactory.newInstance();
        } catch (DatatypeConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }
}
