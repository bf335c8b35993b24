package dev.justiam.server.common;

import dev.justiam.server.http.ValidationErrors;

/** A validated page of a list: 1-based page, 1 to 100 items. */
public record PageRequest(int page, int limit) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;
    /** Beyond this, OFFSET scans would be pointless work; no list is that long per tenant page-wise. */
    private static final int MAX_PAGE = 10_000_000;

    public static PageRequest of(Integer page, Integer limit) {
        int p = page == null ? 1 : page;
        int l = limit == null ? DEFAULT_LIMIT : limit;
        ValidationErrors errors = new ValidationErrors();
        if (p < 1 || p > MAX_PAGE) {
            errors.add("page", "must be between 1 and " + MAX_PAGE);
        }
        if (l < 1 || l > MAX_LIMIT) {
            errors.add("limit", "must be between 1 and " + MAX_LIMIT);
        }
        errors.throwIfAny();
        return new PageRequest(p, l);
    }

    public long offset() {
        return (long) (page - 1) * limit;
    }
}
