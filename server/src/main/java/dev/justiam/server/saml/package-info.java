/**
 * The SAML 2.0 identity provider, one per application at {@code /saml/{app_id}/}: metadata, SSO
 * over HTTP-Redirect and HTTP-POST, IdP-initiated sign-in ({@code /init}, or
 * {@code /sso?idp_initiated=1}), and single logout. People sign in through the shared sign-in page
 * and SSO session, so one sign-in serves OIDC and SAML applications alike.
 *
 * <p>keycloak-saml-core does the XML work (parsing, response models, signing with RSA-SHA256 and
 * exclusive canonicalisation); this package decides what is accepted. Requests are decoded with
 * size bounds before and after DEFLATE, parsed with DTDs refused, checked for issuer, signature
 * (query signature or an enveloped signature over the whole message), destination, age and replay,
 * and answered only at the application's registered addresses. Every refusal is shown on the error
 * page, logged with ids only, and audited as {@code saml.sso} or {@code saml.slo}.
 *
 * <p>Limitations, each a choice for now rather than an accident:
 * <ul>
 *   <li>Single logout ends the session at JustIAM and answers the requesting application only;
 *       other applications signed in through the same session are not sent a LogoutRequest, and
 *       JustIAM never starts a logout itself.</li>
 *   <li>Assertions are signed, never encrypted.</li>
 *   <li>The NameID format is the application's setting; a different format asked for in a
 *       request's NameIDPolicy is not honoured, and RequestedAuthnContext is not evaluated
 *       (AuthnContextClassRef is always PasswordProtectedTransport).</li>
 *   <li>Responses go over HTTP-POST only; the Artifact and SOAP bindings are not offered.</li>
 *   <li>Transient NameIDs are not stored, so a LogoutRequest that arrives without the browser's
 *       session cookie (a cross-site POST) and names a transient ID ends no session.</li>
 *   <li>Query signatures must be RSA with SHA-256, SHA-384 or SHA-512; SHA-1 is refused.</li>
 *   <li>The metadata document itself is not signed; it is served over the tenant's URL.</li>
 * </ul>
 */
package dev.justiam.server.saml;
