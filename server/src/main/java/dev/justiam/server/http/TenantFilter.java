package dev.justiam.server.http;

import java.net.URI;

import dev.justiam.server.tenancy.Tenant;
import dev.justiam.server.tenancy.TenantResolver;
import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;

/** First step of every request: the Host names the tenant; a host of no tenant is 404 on every route. */
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public final class TenantFilter implements ContainerRequestFilter {

    private static final String HEALTH_PATH = "healthz";

    private final TenantResolver resolver;

    @Context
    private HttpServletRequest servletRequest;

    public TenantFilter(TenantResolver resolver) {
        this.resolver = resolver;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        // Health concerns the process, not a tenant: probes often call it by IP address.
        if (HEALTH_PATH.equals(request.getUriInfo().getPath())) {
            return;
        }
        String host = request.getHeaderString(HttpHeaders.HOST);
        Tenant tenant = resolver.resolve(host).orElseThrow(() -> ApiException.notFound("Tenant"));
        URI base = request.getUriInfo().getBaseUri();
        String publicUrl = resolver.publicUrl(tenant, base);
        RequestContext ctx = new RequestContext(tenant, publicUrl, servletRequest.getRemoteAddr(),
                request.getHeaderString(HttpHeaders.USER_AGENT));
        request.setProperty(RequestContext.ATTRIBUTE, ctx);
    }
}
