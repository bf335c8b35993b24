package dev.justiam.server.testing;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.restassured.RestAssured;
import io.restassured.config.RedirectConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** A cookie-keeping client of the pages, never following redirects, for driving flows from Java. */
public final class Browser {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf_token\" value=\"([^\"]+)\"");
    private final Map<String, String> cookies = new HashMap<>();

    public RequestSpecification request() {
        return RestAssured.given().baseUri(TestServer.baseUrl()).cookies(cookies)
                .config(RestAssuredConfig.config().redirect(RedirectConfig.redirectConfig().followRedirects(false)));
    }

    /** Sends the request and keeps any cookies set (an empty value deletes one). */
    public Response keep(Response r) {
        r.getDetailedCookies().forEach(c -> {
            if (c.getValue() == null || c.getValue().isEmpty() || c.getMaxAge() == 0) {
                cookies.remove(c.getName());
            } else {
                cookies.put(c.getName(), c.getValue());
            }
        });
        return r;
    }

    public Response get(String pathAndQuery) {
        return keep(request().urlEncodingEnabled(false).get(pathAndQuery));
    }

    public String cookie(String name) {
        return cookies.get(name);
    }

    public void forget(String name) {
        cookies.remove(name);
    }

    /** Signs in through the sign-in page; returns the response of the form post. */
    public Response signIn(String username, String password) {
        Response form = get("/login");
        String csrf = csrfOf(form.asString());
        return keep(request().formParam("csrf_token", csrf).formParam("username", username)
                .formParam("password", password).formParam("return_to", "/account").post("/login"));
    }

    public static String csrfOf(String html) {
        Matcher m = CSRF.matcher(html);
        if (!m.find()) {
            throw new AssertionError("no CSRF token in page:\n" + html);
        }
        return m.group(1);
    }

    /** The query parameters of a redirect's Location. */
    public static Map<String, String> query(String location) {
        Map<String, String> out = new LinkedHashMap<>();
        String q = URI.create(location).getRawQuery();
        if (q == null) {
            return out;
        }
        for (String pair : q.split("&")) {
            int eq = pair.indexOf('=');
            out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }
}
