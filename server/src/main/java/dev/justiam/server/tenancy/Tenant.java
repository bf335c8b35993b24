package dev.justiam.server.tenancy;

import java.time.OffsetDateTime;
import java.util.UUID;

/** An isolated realm of users, groups, applications and keys. */
public record Tenant(UUID id, String slug, String name, OffsetDateTime createdAt) {

    public static final String DEFAULT_SLUG = "default";
}
