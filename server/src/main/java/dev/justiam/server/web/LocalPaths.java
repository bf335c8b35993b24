package dev.justiam.server.web;

/**
 * Where a page may send the browser after sign-in: only a path on this server. Anything else
 * (a scheme, {@code //host}, a backslash, control characters) would make the sign-in page an open
 * redirector, so it is replaced by the fallback.
 */
public final class LocalPaths {

    public static final String FALLBACK = "/account";

    private LocalPaths() {
    }

    public static String safe(String returnTo) {
        return isLocal(returnTo) ? returnTo : FALLBACK;
    }

    public static boolean isLocal(String path) {
        if (path == null || path.isEmpty() || path.length() > 8192 || path.charAt(0) != '/') {
            return false;
        }
        if (path.length() > 1 && (path.charAt(1) == '/' || path.charAt(1) == '\\')) {
            return false;
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c <= 0x20 || c == 0x7f || c == '\\') {
                return false;
            }
        }
        return true;
    }
}
