package dev.oms.bench.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks out as a shop's client does: a new cart, its lines, {@code checkoutComplete}, three GraphQL requests over
 * kept-alive HTTP/1.1 connections, each with the customer's bearer token.
 */
public final class GraphQlCheckouts implements Checkouts {
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final String CART_CREATE = """
            mutation($c: ID!) { cartCreate(input: {customerId: $c, currency: "EUR"}) { cart { id } userErrors { code } } }""";
    private static final String LINES_ADD = """
            mutation($id: ID!, $lines: [CartLineInput!]!) { cartLinesAdd(cartId: $id, lines: $lines) {
              cart { id } userErrors { code } } }""";
    private static final String CHECKOUT = """
            mutation($id: ID!, $k: String!, $p: String!) { checkoutComplete(cartId: $id, idempotencyKey: $k,
              input: {paymentToken: $p, shippingAddress: {name: "Ada Bench", line1: "1 Main St", city: "Berlin",
                      postalCode: "10115", country: "DE"}}) { order { id } userErrors { code } } }""";

    private final URI endpoint;
    private final Function<String, String> customerToken;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private final ExecutorService callbacks = DaemonThreads.pool("bench-http", 2);
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .executor(callbacks)
            .build();

    public GraphQlCheckouts(String graphqlUrl, Function<String, String> customerToken) {
        this.endpoint = URI.create(graphqlUrl);
        this.customerToken = customerToken;
    }

    @Override
    public CompletableFuture<Placed> place(PlannedOrder order) {
        String token = tokens.computeIfAbsent(order.customerId(), customerToken);
        List<Map<String, Object>> lines = order.lines().stream()
                .map(line -> Map.<String, Object>of("sku", line.sku(), "quantity", line.quantity()))
                .toList();
        return call(token, CART_CREATE, Map.of("c", order.customerId()), "cartCreate")
                .thenApply(created -> idOf(created, "cart"))
                .thenCompose(cartId -> call(token, LINES_ADD, Map.of("id", cartId, "lines", lines), "cartLinesAdd")
                        .thenApply(added -> cartId))
                .thenCompose(cartId -> call(token, CHECKOUT,
                        Map.of("id", cartId, "k", UUID.randomUUID().toString(), "p", order.paymentToken()), "checkoutComplete"))
                .thenApply(placed -> new Placed(idOf(placed, "order"), null));
    }

    private CompletableFuture<JsonNode> call(String token, String query, Map<String, Object> variables, String field) {
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofByteArray(
                        JSON.writeValueAsBytes(Map.of("query", query, "variables", variables))))
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
                .handle((response, failure) -> {
                    if (failure != null) {
                        throw transportFailure(failure);
                    }
                    return payload(response, field);
                });
    }

    private static JsonNode payload(HttpResponse<byte[]> response, String field) {
        if (response.statusCode() != 200) {
            throw new CheckoutFailedException("HTTP_" + response.statusCode(), field);
        }
        JsonNode body = JSON.readTree(response.body());
        JsonNode errors = body.path("errors");
        if (!errors.isEmpty()) {
            String code = text(errors.get(0).path("extensions").path("code"), "GRAPHQL_ERROR");
            throw new CheckoutFailedException(code, field + ": " + text(errors.get(0).path("message"), ""));
        }
        JsonNode payload = body.path("data").path(field);
        JsonNode userErrors = payload.path("userErrors");
        if (!userErrors.isEmpty()) {
            throw new CheckoutFailedException(text(userErrors.get(0).path("code"), "USER_ERROR"), field);
        }
        return payload;
    }

    private static String idOf(JsonNode payload, String object) {
        String id = text(payload.path(object).path("id"), null);
        if (id == null) {
            throw new CheckoutFailedException("NO_" + object.toUpperCase(Locale.ROOT), "answer without an id");
        }
        return id;
    }

    private static String text(JsonNode node, String otherwise) {
        return node.isString() ? node.stringValue() : otherwise;
    }

    private static CheckoutFailedException transportFailure(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof HttpTimeoutException) {
            return new CheckoutFailedException("TIMEOUT", cause.getMessage());
        }
        String kind = cause instanceof IOException ? "IO_" : "CLIENT_";
        return new CheckoutFailedException(kind + cause.getClass().getSimpleName(), String.valueOf(cause.getMessage()));
    }

    @Override
    public void close() {
        callbacks.shutdownNow();
    }
}
