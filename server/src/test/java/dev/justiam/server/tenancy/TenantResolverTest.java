package dev.justiam.server.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.justiam.server.config.Config;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which slug a Host header names in multi-tenant mode; no database needed. */
class TenantResolverTest {

    private static final TenantResolver MULTI = new TenantResolver(
            Config.from(Map.of("JUSTIAM_MODE", "multi", "JUSTIAM_BASE_DOMAIN", "Example.com")), null);

    @ParameterizedTest(name = "Host {0} -> {1}")
    @CsvSource(nullValues = "none", value = {
        "acme.example.com, acme",
        "ACME.Example.COM, acme",
        "acme.example.com:8443, acme",
        "acme.example.com., acme",
        "example.com, default",
        "example.com:80, default",
        "a.b.example.com, none",
        "acme.example.org, none",
        "evilexample.com, none",
        ".example.com, none",
        "10.0.0.1, none",
        "[::1]:8080, none",
        "'', none"})
    void slugFromHostWhenHostGivenThenFirstLabelUnderBaseDomain(String host, String slug) {
        assertEquals(Optional.ofNullable(slug), MULTI.slugFromHost(host));
    }

    @ParameterizedTest(name = "{0} for {1} -> {2}")
    @CsvSource({
        "https://iam.example.com, acme, https://acme.iam.example.com",
        "https://iam.example.com, default, https://iam.example.com",
        "http://iam.example.com:8080, acme, http://acme.iam.example.com:8080"})
    void publicUrlWhenConfiguredThenTenantLabelInFront(String publicUrl, String slug, String expected) {
        TenantResolver resolver = new TenantResolver(Config.from(Map.of("JUSTIAM_MODE", "multi",
                "JUSTIAM_BASE_DOMAIN", "example.com", "JUSTIAM_PUBLIC_URL", publicUrl)), null);
        Tenant tenant = new Tenant(UUID.randomUUID(), slug, slug, OffsetDateTime.now());
        assertEquals(expected, resolver.publicUrl(tenant, URI.create("http://localhost:1234/")));
    }
}
