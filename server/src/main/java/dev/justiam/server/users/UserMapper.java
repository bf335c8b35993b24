package dev.justiam.server.users;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.apache.ibatis.annotations.Param;

public interface UserMapper {

    int insertUser(UserRow user);

    UserRow findUserById(@Param("tenantId") UUID tenantId, @Param("id") UUID id);

    /** For sign-in: the login is a username or an email, compared without case. */
    UserRow findUserByLogin(@Param("tenantId") UUID tenantId, @Param("login") String login);

    List<UserRow> findUsers(UserQuery query);

    long countUsers(UserQuery query);

    int updateUserProfile(UserRow user);

    int updateUserPassword(@Param("tenantId") UUID tenantId, @Param("id") UUID id,
            @Param("passwordHash") String passwordHash);

    int updateUserStatus(@Param("tenantId") UUID tenantId, @Param("id") UUID id, @Param("status") String status);

    int clearLockout(@Param("tenantId") UUID tenantId, @Param("id") UUID id);

    /** Adds one failure and returns the new count, atomically. */
    int incrementFailedLogins(@Param("tenantId") UUID tenantId, @Param("id") UUID id);

    int lockUser(@Param("tenantId") UUID tenantId, @Param("id") UUID id, @Param("until") OffsetDateTime until);

    int recordSuccessfulLogin(@Param("tenantId") UUID tenantId, @Param("id") UUID id);

    int deleteUser(@Param("tenantId") UUID tenantId, @Param("id") UUID id);

    /** Of the given ids, those that are users of this tenant. */
    List<UUID> findExistingUserIds(@Param("tenantId") UUID tenantId, @Param("ids") List<UUID> ids);
}
