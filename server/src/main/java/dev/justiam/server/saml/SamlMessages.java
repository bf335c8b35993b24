package dev.justiam.server.saml;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.keycloak.dom.saml.v2.SAML2Object;
import org.keycloak.saml.common.exceptions.ParsingException;
import org.keycloak.saml.processing.core.parsers.saml.SAMLParser;
import org.w3c.dom.Document;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Turns an inbound message into XML and a parsed SAML object: base64, DEFLATE for the redirect
 * binding, then a parser that refuses DTDs and never resolves external entities. Sizes are
 * bounded before and after inflation, so a compression bomb stops at {@link #MAX_XML_BYTES}.
 */
public final class SamlMessages {

    /** Largest encoded message accepted (characters of base64). */
    static final int MAX_ENCODED_CHARS = 200_000;
    /** Largest XML accepted after base64 and DEFLATE decoding. */
    static final int MAX_XML_BYTES = 100_000;

    private static final DocumentBuilderFactory FACTORY = hardenedFactory();
    /** Parse errors become exceptions, and nothing is printed to the console. */
    private static final ErrorHandler SILENT = new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    };
    /** A DocumentBuilder is not thread-safe; each thread keeps one and resets it. */
    private static final ThreadLocal<DocumentBuilder> BUILDER = ThreadLocal.withInitial(SamlMessages::newBuilder);

    public record Decoded(Document document, SAML2Object message) {
    }

    private SamlMessages() {
    }

    public static Decoded decode(InboundMessage in) {
        if (in.encoded() == null || in.encoded().isBlank()) {
            throw SamlFailure.badRequest("missing_message", "The request carries no SAML message.");
        }
        if (in.encoded().length() > MAX_ENCODED_CHARS) {
            throw SamlFailure.badRequest("message_too_large", "The SAML message is too large.");
        }
        byte[] raw = base64(in.encoded());
        byte[] xml = in.binding() == InboundMessage.Binding.REDIRECT ? inflate(raw) : bounded(raw);
        return parse(xml);
    }

    private static byte[] base64(String encoded) {
        // Line breaks are tolerated; a "+" turned into a space by form decoding is restored.
        String compact = encoded.replaceAll("[\\r\\n\\t]", "").replace(' ', '+');
        try {
            return Base64.getDecoder().decode(compact);
        } catch (IllegalArgumentException e) {
            throw SamlFailure.badRequest("bad_encoding", "The SAML message is not valid base64.");
        }
    }

    private static byte[] bounded(byte[] xml) {
        if (xml.length > MAX_XML_BYTES) {
            throw SamlFailure.badRequest("message_too_large", "The SAML message is too large.");
        }
        return xml;
    }

    /** Raw DEFLATE without a zlib header (SAML Bindings 3.4.4.1), stopped at the size bound. */
    private static byte[] inflate(byte[] compressed) {
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(compressed);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            while (!inflater.finished()) {
                int n = inflater.inflate(buf);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                if (out.size() + n > MAX_XML_BYTES) {
                    throw SamlFailure.badRequest("message_too_large", "The SAML message is too large.");
                }
                out.write(buf, 0, n);
            }
            if (!inflater.finished()) {
                throw SamlFailure.badRequest("bad_encoding", "The SAML message is not valid DEFLATE data.");
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw SamlFailure.badRequest("bad_encoding", "The SAML message is not valid DEFLATE data.");
        } finally {
            inflater.end();
        }
    }

    private static Decoded parse(byte[] xml) {
        // SAML messages never need a DTD; refusing one outright means no entity is ever expanded
        // (XXE, billion laughs). The parser is configured to refuse them as well.
        String head = new String(xml, StandardCharsets.ISO_8859_1).toUpperCase(Locale.ROOT);
        if (head.contains("<!DOCTYPE") || head.contains("<!ENTITY")) {
            throw SamlFailure.badRequest("dtd_refused", "The SAML message contains a DTD, which is not allowed.");
        }
        Document document;
        try {
            DocumentBuilder builder = BUILDER.get();
            builder.reset();
            builder.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("External entities are not resolved");
            });
            builder.setErrorHandler(SILENT);
            document = builder.parse(new ByteArrayInputStream(xml));
        } catch (SAXException | IOException e) {
            throw SamlFailure.badRequest("malformed_xml", "The SAML message is not well-formed XML.");
        }
        try {
            Object parsed = SAMLParser.getInstance().parse(document);
            if (!(parsed instanceof SAML2Object message)) {
                throw SamlFailure.badRequest("unsupported_message", "The SAML message is of an unsupported kind.");
            }
            return new Decoded(document, message);
        } catch (ParsingException | RuntimeException e) {
            if (e instanceof SamlFailure f) {
                throw f;
            }
            throw SamlFailure.badRequest("malformed_message", "The SAML message is not a valid SAML 2.0 message.");
        }
    }

    private static DocumentBuilder newBuilder() {
        try {
            return FACTORY.newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("XML parser cannot be created", e);
        }
    }

    private static DocumentBuilderFactory hardenedFactory() {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            return f;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("XML parser cannot be hardened", e);
        }
    }
}
