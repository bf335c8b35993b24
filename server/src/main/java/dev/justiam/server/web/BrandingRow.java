package dev.justiam.server.web;

/** The branding part of a tenant's settings, as stored (each value may be absent). */
public record BrandingRow(String productName, String logoUrl, String primaryColor) {
}
