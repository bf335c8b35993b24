package dev.justiam.server.http;

import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.justiam.server.oidc.OAuthErrors;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.glassfish.jersey.server.ParamException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every failure on the management API becomes the error envelope here: our own
 * {@link ApiException}s, JAX-RS routing failures (404, 405, 406, 415), malformed JSON, unknown
 * fields, bad parameters, and anything unexpected (500 with an id shared with the log, no detail).
 */
@Provider
public final class ErrorMapper implements ExceptionMapper<Throwable> {

    private static final Logger log = LoggerFactory.getLogger(ErrorMapper.class);
    private static final String OAUTH_PREFIX = "/oauth2/";

    @Context
    private HttpServletRequest request;

    @Override
    public Response toResponse(Throwable failure) {
        if (failure instanceof ProtocolErrorException p) {
            return p.response();
        }
        if (failure instanceof ApiException e) {
            return ErrorEnvelope.of(e);
        }
        if (failure instanceof ParamException.PathParamException) {
            return ErrorEnvelope.response(404, "not_found", "Not found.", null);
        }
        if (failure instanceof ParamException p) {
            String name = p.getParameterName();
            return ErrorEnvelope.response(400, "validation_failed", "The request has invalid fields.",
                    Map.of("fields", Map.of(name, "has an invalid value")));
        }
        Throwable json = jsonCause(failure);
        if (json != null) {
            return jsonProblem(json);
        }
        if (failure instanceof WebApplicationException w) {
            if (isOAuthEndpoint() && (w instanceof NotSupportedException || w instanceof NotAllowedException)) {
                return oauthError(w);
            }
            return fromStatus(w);
        }
        String errorId = UUID.randomUUID().toString();
        log.error("Unexpected failure, error_id={}", errorId, failure);
        return ErrorEnvelope.response(500, "internal_error", "An unexpected error occurred.",
                Map.of("error_id", errorId));
    }

    private static Response fromStatus(WebApplicationException w) {
        int status = w.getResponse().getStatus();
        Response base = ErrorEnvelope.forStatus(status);
        if (w instanceof NotAllowedException && w.getResponse().getHeaderString("Allow") != null) {
            return Response.fromResponse(base).header("Allow", w.getResponse().getHeaderString("Allow")).build();
        }
        return base;
    }

    /** RFC 6749 §5.2 shape for the OAuth endpoints, which take form posts only (§3.1, §3.2). */
    private static Response oauthError(WebApplicationException w) {
        boolean wrongType = w instanceof NotSupportedException;
        Response response = OAuthErrors.json(wrongType ? 400 : 405, "invalid_request",
                wrongType ? "the request must be application/x-www-form-urlencoded" : "this method is not allowed here")
                .response();
        String allow = w.getResponse().getHeaderString("Allow");
        return allow == null || wrongType ? response : Response.fromResponse(response).header("Allow", allow).build();
    }

    private boolean isOAuthEndpoint() {
        return request != null && request.getRequestURI() != null && request.getRequestURI().startsWith(OAUTH_PREFIX);
    }

    /** Jackson's way of saying a property the contract marks required is absent. */
    private static boolean isMissingRequired(JsonMappingException m) {
        return m.getOriginalMessage() != null && m.getOriginalMessage().startsWith("Missing required creator property");
    }

    private static Throwable jsonCause(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof JsonProcessingException) {
                return c;
            }
        }
        return null;
    }

    private static Response jsonProblem(Throwable json) {
        if (json instanceof UnrecognizedPropertyException u) {
            return ErrorEnvelope.response(400, "validation_failed", "The request has invalid fields.",
                    Map.of("fields", Map.of(u.getPropertyName(), "is not a known field")));
        }
        if (json instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            String field = m.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse("body");
            String problem = isMissingRequired(m) ? "is required" : "has the wrong type or format";
            return ErrorEnvelope.response(400, "validation_failed", "The request has invalid fields.",
                    Map.of("fields", Map.of(field, problem)));
        }
        if (json instanceof JsonMappingException) {
            return ErrorEnvelope.response(400, "validation_failed", "The request has invalid fields.",
                    Map.of("fields", Map.of("body", "must be a JSON object of the documented shape")));
        }
        return ErrorEnvelope.response(400, "malformed_json", "The request body is not valid JSON.", null);
    }
}
