package dev.oms.bff.graphql;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a GraphQL request body over the limit with 413 and a GraphQL error, before parsing anything. A declared
 * length over the limit is refused unread; a body of unknown length is read up to one byte past the limit. A body
 * that is not a JSON object ({@code null}, a number, an array, not JSON at all), whatever its declared content type,
 * is refused with 400 INVALID_REQUEST: a GraphQL request over POST is always one, and {@code null} would otherwise
 * reach Spring's handler as no request at all.
 */
final class RequestSizeLimit extends OncePerRequestFilter {
    private final long maxBytes;

    RequestSizeLimit(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long declared = request.getContentLengthLong();
        if (declared > maxBytes) {
            refuse(response);
            return;
        }
        if (!"POST".equals(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        if (body.length > maxBytes) {
            refuse(response);
            return;
        }
        if (!isObject(body)) {
            ErrorResponses.write(response, HttpServletResponse.SC_BAD_REQUEST,
                    UnreadableRequests.NOT_A_REQUEST, "BAD_REQUEST",
                    ErrorCodes.INVALID_REQUEST);
            return;
        }
        chain.doFilter(new BufferedBody(request, body), response);
    }

    /** Whether the first character that is not white space opens an object (the parser checks the rest). */
    private static boolean isObject(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
                return b == '{';
            }
        }
        return false;
    }

    private void refuse(HttpServletResponse response) throws IOException {
        response.setHeader("Connection", "close");
        ErrorResponses.write(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
                "The request is larger than " + maxBytes + " bytes", "BAD_REQUEST", ErrorCodes.REQUEST_TOO_LARGE);
    }

    /** The request with its body already read into memory. */
    private static final class BufferedBody extends HttpServletRequestWrapper {
        private final byte[] body;

        BufferedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body is already buffered");
                }
            };
        }
    }
}
