package dev.justiam.server.http;

import dev.justiam.server.audit.Actor;
import dev.justiam.server.auth.Principal;
import dev.justiam.server.tenancy.Tenant;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;

/**
 * What the server knows about a request once its Host is resolved: the tenant, the tenant's public
 * URL (its issuer), the client's address, and after authentication the principal. Built once per
 * request and passed down; nothing reads it from globals.
 */
public final class RequestContext {

    public static final String ATTRIBUTE = RequestContext.class.getName();

    private final Tenant tenant;
    private final String publicUrl;
    private final String ip;
    private final String userAgent;
    private Principal principal;

    public RequestContext(Tenant tenant, String publicUrl, String ip, String userAgent) {
        this.tenant = tenant;
        this.publicUrl = publicUrl;
        this.ip = ip;
        this.userAgent = userAgent == null || userAgent.length() <= 512 ? userAgent : userAgent.substring(0, 512);
    }

    public static RequestContext of(ContainerRequestContext request) {
        return (RequestContext) request.getProperty(ATTRIBUTE);
    }

    public static RequestContext of(HttpServletRequest request) {
        return (RequestContext) request.getAttribute(ATTRIBUTE);
    }

    public Tenant tenant() {
        return tenant;
    }

    public String publicUrl() {
        return publicUrl;
    }

    public String ip() {
        return ip;
    }

    public String userAgent() {
        return userAgent;
    }

    public Principal principal() {
        if (principal == null) {
            throw ApiException.unauthenticated();
        }
        return principal;
    }

    public boolean authenticated() {
        return principal != null;
    }

    public void setPrincipal(Principal p) {
        this.principal = p;
    }

    /** The caller for audit purposes; anonymous until authenticated. */
    public Actor actor() {
        return principal == null
                ? new Actor(tenant.id(), null, null, ip, userAgent)
                : new Actor(tenant.id(), principal.userId(), principal.username(), ip, userAgent);
    }
}
