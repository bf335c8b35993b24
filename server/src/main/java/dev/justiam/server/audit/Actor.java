package dev.justiam.server.audit;

import java.util.Map;
import java.util.UUID;

/** Who is acting, from where: the part of every audit record the request supplies. */
public record Actor(UUID tenantId, UUID userId, String username, String ip, String userAgent) {

    public AuditEntry success(String action, String targetType, Object targetId, Map<String, Object> details) {
        return entry(action, targetType, targetId, AuditLog.SUCCESS, details);
    }

    public AuditEntry failure(String action, String targetType, Object targetId, Map<String, Object> details) {
        return entry(action, targetType, targetId, AuditLog.FAILURE, details);
    }

    private AuditEntry entry(String action, String targetType, Object targetId, String result,
            Map<String, Object> details) {
        return new AuditEntry(tenantId, userId, username, action, targetType,
                targetId == null ? null : targetId.toString(), result, ip, userAgent, details);
    }

    /** The same request, acting as a user it has just identified (a sign-in). */
    public Actor as(UUID user, String name) {
        return new Actor(tenantId, user, name, ip, userAgent);
    }
}
