package dev.oms.bff.graphql;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Answers a request refused before GraphQL ran (too large, bad token) the way GraphQL answers: a JSON body with one
 * error whose extensions carry a classification and a code. The messages are constants, never request content.
 */
public final class ErrorResponses {
    private ErrorResponses() {}

    public static void write(HttpServletResponse response, int status, String message, String classification,
            String code) throws IOException {
        byte[] body = ("{\"errors\":[{\"message\":\"" + message + "\",\"extensions\":{\"classification\":\""
                + classification + "\",\"code\":\"" + code + "\"}}]}").getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("application/json");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
    }
}
