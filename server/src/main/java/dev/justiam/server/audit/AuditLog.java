package dev.justiam.server.audit;

import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.justiam.server.db.Database;
import dev.justiam.server.http.JsonMapperProvider;
import org.apache.ibatis.session.SqlSession;

/**
 * Writes audit records. Always called with the session of the transaction that makes the change,
 * so a change and its record commit or roll back together.
 */
public final class AuditLog {

    public static final String SUCCESS = "success";
    public static final String FAILURE = "failure";

    public void record(SqlSession session, AuditEntry entry) {
        session.getMapper(AuditMapper.class).insertAuditLog(Database.newId(), entry, toJson(entry.details()));
    }

    private static String toJson(Map<String, Object> details) {
        if (details == null || details.isEmpty()) {
            return null;
        }
        try {
            return JsonMapperProvider.MAPPER.writeValueAsString(details);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Audit details are not serialisable", e);
        }
    }
}
