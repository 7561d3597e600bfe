package dev.oms.bff.graphql;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * A body sent to the GraphQL endpoint that is not a GraphQL request (not JSON, or JSON without a query string) gets
 * 400 with a GraphQL error and a code, like every other refusal, instead of the servlet container's error page.
 */
final class UnreadableRequests implements HandlerExceptionResolver, Ordered {
    static final String NOT_A_REQUEST = "The body is not a GraphQL request: send JSON with a query string";
    private final String path;

    UnreadableRequests(String path) {
        this.path = path;
    }

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
            Exception ex) {
        boolean unreadable = ex instanceof ServerWebInputException || ex instanceof HttpMessageNotReadableException;
        if (!unreadable || !path.equals(request.getRequestURI()) || response.isCommitted()) {
            return null;
        }
        try {
            ErrorResponses.write(response, HttpServletResponse.SC_BAD_REQUEST,
                    NOT_A_REQUEST, "BAD_REQUEST",
                    ErrorCodes.INVALID_REQUEST);
        } catch (IOException e) {
            return null;
        }
        return new ModelAndView();
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
