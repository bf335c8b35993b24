package dev.justiam.server.auth;

import java.lang.reflect.Method;
import java.util.Optional;

import dev.justiam.server.http.ApiException;
import dev.justiam.server.http.RequestContext;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * Authenticates and authorises every contract operation as its {@code x-justiam-permission} says:
 * {@code public} needs nothing, {@code authenticated} a valid token, anything else that permission.
 * Endpoints outside the contract (OAuth, SAML, pages) authenticate in their own way.
 */
@Priority(Priorities.AUTHORIZATION)
public final class ContractSecurityFilter implements ContainerRequestFilter {

    private static final String CONTRACT_PACKAGE = "dev.justiam.api";

    private final ContractPermissions contract;
    private final Authenticator authenticator;

    @Context
    private ResourceInfo resourceInfo;

    public ContractSecurityFilter(ContractPermissions contract, Authenticator authenticator) {
        this.contract = contract;
        this.authenticator = authenticator;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        Method method = resourceInfo.getResourceMethod();
        if (method == null) {
            return;
        }
        if (!implementsContract(resourceInfo.getResourceClass(), method.getName())) {
            return;
        }
        Optional<String> permission = contract.permissionOf(method.getName());
        if (permission.isEmpty() || permission.get().equals(Permissions.PUBLIC)) {
            return;
        }
        RequestContext ctx = RequestContext.of(request);
        Principal principal = authenticator.authenticate(ctx, request.getHeaderString(HttpHeaders.AUTHORIZATION));
        ctx.setPrincipal(principal);
        String required = permission.get();
        if (!required.equals(Permissions.AUTHENTICATED) && !principal.has(required)) {
            throw ApiException.forbidden(required);
        }
    }

    /** Only methods of the generated interfaces are contract operations. */
    private static boolean implementsContract(Class<?> resource, String methodName) {
        for (Class<?> iface : resource.getInterfaces()) {
            if (iface.getPackageName().equals(CONTRACT_PACKAGE)) {
                for (Method m : iface.getMethods()) {
                    if (m.getName().equals(methodName)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
