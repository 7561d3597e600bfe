package dev.oms.bff.graphql;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request whose Content-Type is a media range ({@code *}{@code /*}, {@code application/*}) with 415 and a
 * GraphQL-shaped error, on every path. A range says what a client accepts, never what it sends; Spring's header
 * parsing throws on one, which would otherwise end as the servlet container's HTML error page with status 500.
 */
final class WildcardContentTypes extends OncePerRequestFilter {
    static final String MESSAGE = "The Content-Type must name one media type (application/json), not a range";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (isRange(request.getHeader("Content-Type"))) {
            ErrorResponses.write(response, HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE, MESSAGE, "BAD_REQUEST",
                    ErrorCodes.UNSUPPORTED_MEDIA_TYPE);
            return;
        }
        chain.doFilter(request, response);
    }

    static boolean isRange(String contentType) {
        if (contentType == null) {
            return false;
        }
        int parameters = contentType.indexOf(';');
        String mediaType = parameters < 0 ? contentType : contentType.substring(0, parameters);
        return mediaType.indexOf('*') >= 0;
    }
}
