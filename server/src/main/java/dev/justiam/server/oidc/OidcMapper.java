package dev.justiam.server.oidc;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.apache.ibatis.annotations.Param;

public interface OidcMapper {

    int insertCode(CodeRow code);

    /** The code, locked for the rest of the transaction so two redemptions cannot both succeed. */
    CodeRow findCodeForUpdate(@Param("tenantId") UUID tenantId, @Param("codeHash") String codeHash);

    int markCodeUsed(@Param("codeHash") String codeHash);

    int insertToken(TokenRow token);

    TokenRow findToken(@Param("tenantId") UUID tenantId, @Param("kind") String kind, @Param("lookup") String lookup);

    TokenRow findTokenForUpdate(@Param("tenantId") UUID tenantId, @Param("kind") String kind,
            @Param("lookup") String lookup);

    int markTokenUsed(@Param("id") UUID id);

    int revokeToken(@Param("id") UUID id);

    int revokeFamily(@Param("tenantId") UUID tenantId, @Param("familyId") UUID familyId);

    int revokeSessionTokens(@Param("tenantId") UUID tenantId, @Param("sessionId") UUID sessionId);

    List<String> findConsentedScopes(@Param("tenantId") UUID tenantId, @Param("userId") UUID userId,
            @Param("applicationId") UUID applicationId);

    int upsertConsent(@Param("tenantId") UUID tenantId, @Param("userId") UUID userId,
            @Param("applicationId") UUID applicationId, @Param("scopes") String[] scopes);

    List<String> findGroupNamesOfUser(@Param("tenantId") UUID tenantId, @Param("userId") UUID userId);

    /** Removes codes, tokens and assertion ids that expired before {@code before}; returns how many. */
    int deleteExpiredCodes(@Param("before") OffsetDateTime before);

    int deleteExpiredTokens(@Param("before") OffsetDateTime before);

    int deleteExpiredClientAssertions(@Param("before") OffsetDateTime before);

    /** 1 when this assertion id is new for the client, 0 when it was seen before (a replay). */
    int insertClientAssertion(@Param("applicationId") UUID applicationId, @Param("jtiHash") String jtiHash,
            @Param("expiresAt") OffsetDateTime expiresAt);
}
