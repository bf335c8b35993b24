package dev.justiam.server.http;

import java.io.IOException;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One line per request: method, path, status, duration and tenant. Never the query string, headers
 * or bodies, where codes, tokens and passwords travel.
 */
public final class AccessLogFilter implements Filter {

    private static final Logger log = LoggerFactory.getLogger("justiam.access");

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        long start = System.nanoTime();
        try {
            chain.doFilter(req, res);
        } finally {
            long micros = (System.nanoTime() - start) / 1000;
            RequestContext ctx = RequestContext.of(request);
            String tenant = ctx == null ? "-" : ctx.tenant().slug();
            MDC.put("tenant", tenant);
            try {
                log.info("{} {} {} {}ms tenant={}", request.getMethod(), request.getRequestURI(), response.getStatus(),
                        String.format("%.1f", micros / 1000.0), tenant);
            } finally {
                MDC.remove("tenant");
            }
        }
    }
}
