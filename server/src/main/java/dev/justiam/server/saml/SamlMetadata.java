package dev.justiam.server.saml;

import java.io.StringWriter;
import java.security.cert.CertificateEncodingException;
import java.util.Base64;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import dev.justiam.server.keys.SigningKeys.PublishedCertificate;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The IdP's EntityDescriptor for one application (SAML Metadata 2.4.3): entity ID, the signing
 * certificates of the active and next keys, SLO and SSO endpoints for the HTTP-Redirect and
 * HTTP-POST bindings, and the NameID formats offered.
 */
final class SamlMetadata {

    private SamlMetadata() {
    }

    static String idpDescriptor(SamlEndpoints endpoints, boolean wantSignedRequests,
            List<PublishedCertificate> certificates) {
        try {
            Document doc = DocumentBuilderFactory.newDefaultNSInstance().newDocumentBuilder().newDocument();
            Element entity = doc.createElementNS(SamlConstants.NS_METADATA, "md:EntityDescriptor");
            entity.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:ds", SamlConstants.NS_DSIG);
            entity.setAttribute("entityID", endpoints.entityId());
            doc.appendChild(entity);

            Element idp = child(entity, "md:IDPSSODescriptor");
            idp.setAttribute("WantAuthnRequestsSigned", Boolean.toString(wantSignedRequests));
            idp.setAttribute("protocolSupportEnumeration", SamlConstants.NS_PROTOCOL);
            for (PublishedCertificate cert : certificates) {
                Element descriptor = child(idp, "md:KeyDescriptor");
                descriptor.setAttribute("use", "signing");
                Element keyInfo = doc.createElementNS(SamlConstants.NS_DSIG, "ds:KeyInfo");
                descriptor.appendChild(keyInfo);
                Element keyName = doc.createElementNS(SamlConstants.NS_DSIG, "ds:KeyName");
                keyName.setTextContent(cert.kid());
                keyInfo.appendChild(keyName);
                Element data = doc.createElementNS(SamlConstants.NS_DSIG, "ds:X509Data");
                keyInfo.appendChild(data);
                Element x509 = doc.createElementNS(SamlConstants.NS_DSIG, "ds:X509Certificate");
                x509.setTextContent(Base64.getEncoder().encodeToString(cert.certificate().getEncoded()));
                data.appendChild(x509);
            }
            for (String binding : List.of(SamlConstants.BINDING_REDIRECT, SamlConstants.BINDING_POST)) {
                endpoint(idp, "md:SingleLogoutService", binding, endpoints.slo());
            }
            for (String format : SamlConstants.NAMEID_FORMATS) {
                child(idp, "md:NameIDFormat").setTextContent(format);
            }
            for (String binding : List.of(SamlConstants.BINDING_REDIRECT, SamlConstants.BINDING_POST)) {
                endpoint(idp, "md:SingleSignOnService", binding, endpoints.sso());
            }
            return serialise(doc);
        } catch (ParserConfigurationException | TransformerException | CertificateEncodingException e) {
            throw new IllegalStateException("IdP metadata cannot be written", e);
        }
    }

    private static Element child(Element parent, String name) {
        Element e = parent.getOwnerDocument().createElementNS(SamlConstants.NS_METADATA, name);
        parent.appendChild(e);
        return e;
    }

    private static void endpoint(Element parent, String name, String binding, String location) {
        Element e = child(parent, name);
        e.setAttribute("Binding", binding);
        e.setAttribute("Location", location);
    }

    private static String serialise(Document doc) throws TransformerException {
        TransformerFactory factory = TransformerFactory.newInstance();
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
        Transformer t = factory.newTransformer();
        t.setOutputProperty(OutputKeys.INDENT, "yes");
        t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
        StringWriter out = new StringWriter();
        t.transform(new DOMSource(doc), new StreamResult(out));
        return out.toString();
    }
}
