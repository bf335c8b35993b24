package dev.justiam.server.http;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Builds responses in the seed's error shape; the one place that shape is written. */
public final class ErrorEnvelope {

    private ErrorEnvelope() {
    }

    public static Response response(int status, String code, String message, Map<String, ?> details) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("message", message);
        if (details != null && !details.isEmpty()) {
            body.put("details", details);
        }
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }

    public static Response of(ApiException e) {
        Response.ResponseBuilder rb = Response.fromResponse(response(e.status(), e.code(), e.getMessage(), e.details()));
        e.headers().forEach(rb::header);
        return rb.build();
    }
}
