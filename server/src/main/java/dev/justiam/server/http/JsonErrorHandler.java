package dev.justiam.server.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors Jetty answers itself, before a request reaches the application (a body over the size
 * limit, a malformed request line, a bad Host), in the same JSON envelope as everything else.
 */
public final class JsonErrorHandler extends ErrorHandler {

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = response.getStatus() <= 0 ? 500 : response.getStatus();
        String code = switch (status) {
            case 413 -> "payload_too_large";
            case 414, 431 -> "request_too_large";
            case 404 -> "not_found";
            default -> status >= 500 ? "internal_error" : "bad_request";
        };
        String message = status >= 500 ? "An unexpected error occurred."
                : HttpStatus.getMessage(status) + ".";
        String json = "{\"code\":\"" + code + "\",\"message\":\"" + message.replace("\"", "'") + "\"}";
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.write(true, ByteBuffer.wrap(json.getBytes(StandardCharsets.UTF_8)), callback);
        return true;
    }
}
