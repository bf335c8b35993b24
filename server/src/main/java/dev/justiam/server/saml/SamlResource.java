package dev.justiam.server.saml;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Supplier;

import dev.justiam.server.http.RequestContext;
import dev.justiam.server.web.Pages;
import dev.justiam.server.web.SsoSession;
import dev.justiam.server.web.SsoSessions;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * The SAML 2.0 IdP endpoints of one application: metadata, SSO (HTTP-Redirect and HTTP-POST),
 * IdP-initiated sign-in, the return from the sign-in page, and SLO. Thin: it reads the binding's
 * parameters, asks {@link SamlService}, and renders the outcome or the error page.
 */
@Path("/saml/{app_id}")
public final class SamlResource {

    static final String METADATA_TYPE = "application/samlmetadata+xml";

    private final SamlService saml;
    @Context
    private HttpServletRequest request;

    @Context
    private UriInfo uri;

    private final SsoSessions sessions;
    private final SamlPages pages;

    public SamlResource(SamlService saml, SsoSessions sessions, Pages pages) {
        this.saml = saml;
        this.sessions = sessions;
        this.pages = new SamlPages(pages);
    }

    @GET
    @Path("metadata")
    public Response metadata(@PathParam("app_id") String appId) {
        try {
            String xml = saml.metadata(ctx(), appId);
            CacheControl cache = new CacheControl();
            cache.setMaxAge(300);
            return Response.ok(xml, new MediaType("application", "samlmetadata+xml", StandardCharsets.UTF_8.name()))
                    .cacheControl(cache).build();
        } catch (SamlFailure f) {
            return pages.error(ctx(), f);
        }
    }

    /** HTTP-Redirect binding (SAML Bindings 3.4), or an IdP-initiated start with {@code idp_initiated=1}. */
    @GET
    @Path("sso")
    public Response ssoRedirect(@PathParam("app_id") String appId,
            @QueryParam(SamlConstants.PARAM_REQUEST) String message,
            @QueryParam(SamlConstants.PARAM_RELAY_STATE) String relayState,
            @QueryParam(SamlConstants.PARAM_SIG_ALG) String sigAlg,
            @QueryParam(SamlConstants.PARAM_SIGNATURE) String signature,
            @QueryParam("idp_initiated") String idpInitiated) {
        if (message == null && idpInitiated != null) {
            return idpInitiated(appId, relayState);
        }
        InboundMessage in = InboundMessage.redirect(message, relayState, sigAlg, signature, uri.getRequestUri()
                .getRawQuery());
        return render(() -> saml.singleSignOn(ctx(), appId, in, current()));
    }

    /** HTTP-POST binding (SAML Bindings 3.5). */
    @POST
    @Path("sso")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response ssoPost(@PathParam("app_id") String appId,
            @FormParam(SamlConstants.PARAM_REQUEST) String message,
            @FormParam(SamlConstants.PARAM_RELAY_STATE) String relayState) {
        InboundMessage in = InboundMessage.post(message, relayState);
        return render(() -> saml.singleSignOn(ctx(), appId, in, current()));
    }

    /** IdP-initiated sign-in, for applications that allow it. */
    @GET
    @Path("init")
    public Response idpInitiated(@PathParam("app_id") String appId,
            @QueryParam(SamlConstants.PARAM_RELAY_STATE) String relayState) {
        return render(() -> saml.idpInitiated(ctx(), appId, relayState, current()));
    }

    /** Where the sign-in page returns to once the person has signed in. */
    @GET
    @Path("continue")
    public Response resume(@PathParam("app_id") String appId, @QueryParam("id") String pendingId) {
        return render(() -> saml.resume(ctx(), appId, pendingId, current()));
    }

    @GET
    @Path("slo")
    public Response sloRedirect(@PathParam("app_id") String appId,
            @QueryParam(SamlConstants.PARAM_REQUEST) String message,
            @QueryParam(SamlConstants.PARAM_RELAY_STATE) String relayState,
            @QueryParam(SamlConstants.PARAM_SIG_ALG) String sigAlg,
            @QueryParam(SamlConstants.PARAM_SIGNATURE) String signature) {
        InboundMessage in = InboundMessage.redirect(message, relayState, sigAlg, signature, uri.getRequestUri()
                .getRawQuery());
        return render(() -> saml.singleLogout(ctx(), appId, in, current()));
    }

    @POST
    @Path("slo")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response sloPost(@PathParam("app_id") String appId,
            @FormParam(SamlConstants.PARAM_REQUEST) String message,
            @FormParam(SamlConstants.PARAM_RELAY_STATE) String relayState) {
        InboundMessage in = InboundMessage.post(message, relayState);
        return render(() -> saml.singleLogout(ctx(), appId, in, current()));
    }

    private Response render(Supplier<SamlOutcome> work) {
        try {
            SamlOutcome outcome = work.get();
            if (outcome instanceof SamlOutcome.Post post) {
                return pages.autoPost(ctx(), post);
            }
            if (outcome instanceof SamlOutcome.RedirectBinding message) {
                return SamlPages.redirect(message.url());
            }
            return SamlPages.redirect(ctx().publicUrl() + ((SamlOutcome.Redirect) outcome).path());
        } catch (SamlFailure f) {
            return pages.error(ctx(), f);
        }
    }

    private Optional<SsoSession> current() {
        return sessions.current(request, ctx());
    }

    private RequestContext ctx() {
        return RequestContext.of(request);
    }
}
