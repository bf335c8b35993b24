package dev.justiam.server.tenancy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import dev.justiam.server.db.Database;

/**
 * Finds tenants by slug for every request. Answers are kept a few seconds so a busy host costs no
 * query per request, yet a tenant created by another node or the command line is seen quickly.
 */
public final class TenantDirectory {

    private static final Duration TTL = Duration.ofSeconds(5);

    private record Cached(Optional<Tenant> tenant, Instant until) {
    }

    private final Database db;
    private final ConcurrentHashMap<String, Cached> cache = new ConcurrentHashMap<>();

    public TenantDirectory(Database db) {
        this.db = db;
    }

    public Optional<Tenant> findBySlug(String slug) {
        Instant now = Instant.now();
        Cached hit = cache.get(slug);
        if (hit != null && hit.until().isAfter(now)) {
            return hit.tenant();
        }
        Optional<Tenant> found = Optional.ofNullable(db.read(s -> s.getMapper(TenantMapper.class).findTenantBySlug(slug)));
        if (cache.size() > 10_000) {
            cache.clear();
        }
        cache.put(slug, new Cached(found, now.plus(TTL)));
        return found;
    }
}
