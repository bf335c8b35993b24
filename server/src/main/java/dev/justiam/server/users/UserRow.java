package dev.justiam.server.users;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A user as stored. {@code status} is active or disabled; a lock is {@code lockedUntil} in the future. */
public record UserRow(
        UUID id,
        UUID tenantId,
        String username,
        String email,
        boolean emailVerified,
        String firstName,
        String lastName,
        String displayName,
        String passwordHash,
        String status,
        int failedLogins,
        OffsetDateTime lockedUntil,
        OffsetDateTime lastLoginAt,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    public static final String ACTIVE = "active";
    public static final String DISABLED = "disabled";

    public boolean isDisabled() {
        return DISABLED.equals(status);
    }

    public boolean isLocked(OffsetDateTime now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}
