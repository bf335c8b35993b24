package dev.justiam.server.saml;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.justiam.server.http.RequestContext;
import dev.justiam.server.web.Pages;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;

/**
 * The pages the SAML endpoints answer with, on the shared branded pages: the auto-submitting form
 * of the HTTP-POST binding (SAML Bindings 3.5.4) and the error page.
 */
final class SamlPages {

    private static final String ERROR_TITLE = "Sign-in failed";

    private final Pages pages;

    SamlPages(Pages pages) {
        this.pages = pages;
    }

    Response autoPost(RequestContext ctx, SamlOutcome.Post post) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(post.field(), post.message());
        if (post.relayState() != null) {
            fields.put(SamlConstants.PARAM_RELAY_STATE, post.relayState());
        }
        return pages.formPost(ctx, post.action(), fields);
    }

    Response error(RequestContext ctx, SamlFailure failure) {
        return pages.error(ctx, failure.status(), ERROR_TITLE, failure.getMessage());
    }

    static Response redirect(String location) {
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.seeOther(URI.create(location)).cacheControl(noStore).build();
    }
}
