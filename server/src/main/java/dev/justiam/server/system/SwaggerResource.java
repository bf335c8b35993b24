package dev.justiam.server.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.justiam.server.auth.ContractPermissions;
import dev.justiam.server.http.ApiException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

/**
 * Swagger UI preloaded with our contract: {@code /swagger/index.html}, and the contract itself at
 * {@code /swagger/doc.yaml} and {@code /swagger/doc.json}. UI assets come from the swagger-ui webjar.
 */
@Path("/swagger")
public final class SwaggerResource {

    private static final String WEBJAR = "META-INF/resources/webjars/swagger-ui/" + BuildInfo.swaggerUiVersion() + "/";
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "png", "image/png",
            "yaml", "application/yaml; charset=utf-8",
            "json", "application/json");

    private final Map<String, byte[]> cache = new ConcurrentHashMap<>();

    @GET
    public Response root() {
        return Response.seeOther(URI.create("swagger/index.html")).build();
    }

    @GET
    @Path("doc.yaml")
    public Response yaml() {
        return file("doc.yaml", () -> read(ContractPermissions.SPEC_RESOURCE));
    }

    @GET
    @Path("doc.json")
    public Response json() {
        return file("doc.json", () -> {
            try {
                Object tree = new ObjectMapper(new YAMLFactory()).readTree(read(ContractPermissions.SPEC_RESOURCE));
                return new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(tree);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @GET
    @Path("{file: [A-Za-z0-9][A-Za-z0-9._-]*}")
    public Response asset(@PathParam("file") String file) {
        if (file.equals("index.html") || file.equals("swagger-initializer.js")) {
            return file(file, () -> read("swagger/" + file));
        }
        if (file.endsWith(".map") || !TYPES.containsKey(extension(file))) {
            throw ApiException.notFound("File");
        }
        return file(file, () -> read(WEBJAR + file));
    }

    private Response file(String name, java.util.function.Supplier<byte[]> loader) {
        byte[] bytes = cache.get(name);
        if (bytes == null) {
            bytes = loader.get();
            if (bytes.length == 0) {
                throw ApiException.notFound("File");
            }
            cache.put(name, bytes);
        }
        return Response.ok(bytes, TYPES.get(extension(name))).header("Cache-Control", "public, max-age=300").build();
    }

    private static byte[] read(String resource) {
        try (InputStream in = SwaggerResource.class.getClassLoader().getResourceAsStream(resource)) {
            return in == null ? new byte[0] : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1);
    }
}
