package dev.justiam.server.http;

import jakarta.annotation.Priority;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/**
 * Protocol endpoints and pages take HTML-form posts. A POST there with no Content-Type at all (a
 * bodiless POST such as OIDC Core §5.3.1 allows at userinfo) is read as an empty form, so it
 * reaches the endpoint's own checks instead of failing inside the framework.
 */
@PreMatching
@Priority(Priorities.HEADER_DECORATOR)
public final class FormContentDefault implements ContainerRequestFilter {

    private static final String API_PREFIX = "api/";

    @Override
    public void filter(ContainerRequestContext request) {
        if (HttpMethod.POST.equals(request.getMethod())
                && request.getHeaderString(HttpHeaders.CONTENT_TYPE) == null
                && !request.getUriInfo().getPath().startsWith(API_PREFIX)) {
            request.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_FORM_URLENCODED);
        }
    }
}
