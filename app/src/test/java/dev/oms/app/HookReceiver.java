package dev.oms.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.function.IntSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;
import tools.jackson.databind.JsonNode;

/**
 * A real webhook receiver for the platform tests: answers what it is told, records every request with its
 * webhook-id and whether its signature verifies (Standard Webhooks, checked independently of the service's code),
 * and reads what the webhooks service holds for its endpoint.
 */
final class HookReceiver implements AutoCloseable {
    static final String STATUS_CHANGED = "oms.order.v1.OrderStatusChanged";

    record Received(String id, int answered, boolean signatureValid) {}

    private final HttpServer server;
    private final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();
    private volatile String secret;
    private volatile IntSupplier status = () -> 204;

    HookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int answer = status.getAsInt();
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            received.add(new Received(id, answer, valid(secret, id,
                    exchange.getRequestHeaders().getFirst("webhook-timestamp"), body,
                    exchange.getRequestHeaders().getFirst("webhook-signature"))));
            exchange.sendResponseHeaders(answer, -1);
            exchange.close();
        });
        server.start();
    }

    /** What the receiver answers from now on (asked at each request). */
    void answer(IntSupplier status) {
        this.status = status;
    }

    /** Registers the receiver for {@code eventType} through the operators' GraphQL; the endpoint's id. */
    String register(Shop ops, String eventType) {
        JsonNode created = ops.graphql().data("""
                mutation($u: String!, $t: String!) { webhookEndpointCreate(url: $u, eventTypes: [$t], description: "test") {
                  endpoint { id } secret userErrors { code message } } }""",
                Map.of("u", "http://127.0.0.1:" + server.getAddress().getPort() + "/hook", "t", eventType))
                .get("webhookEndpointCreate");
        assertThat(created.get("userErrors")).isEmpty();
        secret = created.get("secret").asText();
        return created.get("endpoint").get("id").asText();
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    /** The webhook-ids answered with a 2xx, in the order they came (a repeat shows twice). */
    List<String> delivered() {
        return received.stream().filter(r -> r.answered() / 100 == 2).map(Received::id).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** Waits until the endpoint has a DELIVERED delivery for every status change of the orders. */
    static void awaitAllDelivered(DataSource data, String endpointId, List<String> orders) {
        await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            Set<String> expected = statusChangeIds(data, orders);
            Map<String, String> deliveries = deliveriesByMessage(data, endpointId);
            return !expected.isEmpty() && expected.stream().allMatch(id -> "DELIVERED".equals(deliveries.get(id)));
        });
    }

    /** Every status change of the orders, as the order service published it (the audit log keeps each). */
    static Set<String> statusChangeIds(DataSource data, List<String> orders) throws SQLException {
        try (Connection c = data.getConnection(); PreparedStatement select = c.prepareStatement(
                "SELECT message_id::text FROM audit.message WHERE type = ? AND correlation_id = ANY (?)")) {
            select.setString(1, STATUS_CHANGED);
            select.setArray(2, c.createArrayOf("text", orders.toArray()));
            return strings(select);
        }
    }

    /** The endpoint's deliveries: bus message id to status. */
    static Map<String, String> deliveriesByMessage(DataSource data, String endpointId) throws SQLException {
        Map<String, String> byMessage = new HashMap<>();
        try (Connection c = data.getConnection(); PreparedStatement select = c.prepareStatement(
                "SELECT message_id::text, status FROM webhooks.webhook_delivery WHERE endpoint_id = ?")) {
            select.setString(1, endpointId);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    byMessage.put(row.getString(1), row.getString(2));
                }
            }
        }
        return byMessage;
    }

    /** The webhook-ids of the endpoint's deliveries of these bus messages. */
    static Set<String> deliveryIdsOf(DataSource data, String endpointId, Set<String> messageIds) throws SQLException {
        try (Connection c = data.getConnection(); PreparedStatement select = c.prepareStatement(
                "SELECT delivery_id FROM webhooks.webhook_delivery WHERE endpoint_id = ? AND message_id::text = ANY (?)")) {
            select.setString(1, endpointId);
            select.setArray(2, c.createArrayOf("text", messageIds.toArray()));
            return strings(select);
        }
    }

    private static Set<String> strings(PreparedStatement select) throws SQLException {
        Set<String> values = new HashSet<>();
        try (ResultSet row = select.executeQuery()) {
            while (row.next()) {
                values.add(row.getString(1));
            }
        }
        return values;
    }

    private static boolean valid(String secret, String id, String timestamp, String body, String header) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            String expected = "v1," + Base64.getEncoder().encodeToString(
                    mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
            return header != null && List.of(header.split(" ")).contains(expected)
                    && Math.abs(Instant.now().getEpochSecond() - Long.parseLong(timestamp)) < 300;
        } catch (Exception e) {
            return false;
        }
    }
}
