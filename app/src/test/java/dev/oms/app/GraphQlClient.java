package dev.oms.app;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Talks to the platform the way a client does: GraphQL over HTTP with a bearer token. Without one named, it signs in
 * as an operator, who may do everything.
 */
final class GraphQlClient {
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI endpoint;
    private final String token;

    GraphQlClient(String url) {
        this(url, TestTokens.ops());
    }

    /** A client sending {@code token} (null: anonymous). */
    GraphQlClient(String url, String token) {
        this.endpoint = URI.create(url);
        this.token = token;
    }

    /** The same endpoint with another token (null: anonymous). */
    GraphQlClient withToken(String otherToken) {
        return new GraphQlClient(endpoint.toString(), otherToken);
    }

    String url() {
        return endpoint.toString();
    }

    /** Runs a query; returns the whole response (data and errors). */
    JsonNode execute(String query, Map<String, Object> variables) {
        return JSON.readTree(post(JSON.writeValueAsString(Map.of("query", query, "variables", variables))).body());
    }

    /** Posts a raw body to the endpoint, for requests that are not well-formed GraphQL. */
    HttpResponse<String> post(String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Runs a query that must succeed; returns its data. */
    JsonNode data(String query, Map<String, Object> variables) {
        JsonNode response = execute(query, variables);
        if (response.has("errors") && !response.get("errors").isEmpty()) {
            throw new AssertionError("GraphQL errors: " + response.get("errors"));
        }
        return response.get("data");
    }
}
