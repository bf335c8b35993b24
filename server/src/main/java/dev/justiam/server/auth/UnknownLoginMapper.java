package dev.justiam.server.auth;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.apache.ibatis.annotations.Param;

/** Lockout state of logins that match no user; see {@code unknown_login_failures}. */
public interface UnknownLoginMapper {

    /** When the login is locked, until when; null otherwise. */
    OffsetDateTime findUnknownLoginLock(@Param("tenantId") UUID tenantId, @Param("loginKey") String loginKey);

    /** Adds one failure and returns the new count, atomically. */
    int incrementUnknownLoginFailures(@Param("tenantId") UUID tenantId, @Param("loginKey") String loginKey);

    int lockUnknownLogin(@Param("tenantId") UUID tenantId, @Param("loginKey") String loginKey,
            @Param("until") OffsetDateTime until);

    int deleteStaleUnknownLogins(@Param("before") OffsetDateTime before);
}
