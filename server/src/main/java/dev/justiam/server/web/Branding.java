package dev.justiam.server.web;

import java.util.regex.Pattern;

/**
 * How a tenant's pages look: the product name (the tenant's name unless settings give one), a
 * logo and a primary colour. Values from settings that are not a plain colour or an http(s) URL
 * are ignored, so nothing from settings can inject markup or style.
 */
public record Branding(String productName, String logoUrl, String primaryColor) {

    public static final String DEFAULT_COLOR = "#2f5bd3";
    private static final Pattern COLOR = Pattern.compile("^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$");

    static Branding of(String tenantName, BrandingRow settings) {
        String name = settings != null && notBlank(settings.productName()) ? settings.productName() : tenantName;
        String logo = settings != null && isWebUrl(settings.logoUrl()) ? settings.logoUrl() : null;
        String color = settings != null && settings.primaryColor() != null
                && COLOR.matcher(settings.primaryColor()).matches() ? settings.primaryColor() : DEFAULT_COLOR;
        return new Branding(name, logo, color);
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    private static boolean isWebUrl(String s) {
        return s != null && (s.startsWith("https://") || s.startsWith("http://")) && s.length() < 2048
                && s.chars().noneMatch(c -> c <= ' ' || c == '"' || c == '\'' || c == '<' || c == '>');
    }
}
