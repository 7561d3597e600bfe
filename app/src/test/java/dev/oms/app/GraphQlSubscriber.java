package dev.oms.app;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * A GraphQL subscription client as a browser would have one: a WebSocket speaking graphql-transport-ws, signed in by
 * the token in its connection_init payload. Written on the JDK's client, so it shares nothing with the server.
 */
final class GraphQlSubscriber implements AutoCloseable {
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private final BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
    private final WebSocket socket;

    private GraphQlSubscriber(String url, String token) throws Exception {
        socket = HttpClient.newHttpClient().newWebSocketBuilder().subprotocols("graphql-transport-ws")
                .buildAsync(URI.create(url.replaceFirst("^http", "ws")), new Collector())
                .get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        send(Map.of("type", "connection_init", "payload", Map.of("Authorization", "Bearer " + token)));
        JsonNode ack = next(PATIENCE);
        if (!"connection_ack".equals(ack.get("type").asText())) {
            throw new AssertionError("no connection_ack: " + ack);
        }
    }

    /** Connects to the GraphQL endpoint {@code url} (http or ws) and signs in with {@code token}. */
    static GraphQlSubscriber connect(String url, String token) throws Exception {
        return new GraphQlSubscriber(url, token);
    }

    void subscribe(String id, String query, Map<String, Object> variables) {
        send(Map.of("id", id, "type", "subscribe", "payload", Map.of("query", query, "variables", variables)));
    }

    /** The payloads of subscription {@code id} until the server completes it; fails after {@code patience}. */
    List<JsonNode> untilComplete(String id, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        List<JsonNode> payloads = new ArrayList<>();
        while (true) {
            JsonNode message = next(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            String type = message.get("type").asText();
            if (!message.has("id") || !message.get("id").asText().equals(id)) {
                continue;
            }
            if (type.equals("complete")) {
                return payloads;
            }
            if (!type.equals("next")) {
                throw new AssertionError("subscription " + id + " failed: " + message);
            }
            payloads.add(message.get("payload"));
        }
    }

    private JsonNode next(Duration patience) throws InterruptedException {
        JsonNode message = messages.poll(patience.toMillis(), TimeUnit.MILLISECONDS);
        if (message == null) {
            throw new AssertionError("no message within " + patience);
        }
        if (message.get("type").asText().equals("ping")) {
            send(Map.of("type", "pong"));
            return next(patience);
        }
        return message;
    }

    private void send(Map<String, Object> message) {
        socket.sendText(JSON.writeValueAsString(message), true).join();
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
    }

    /** Puts each whole text message on the queue, joining the parts of a long one. */
    private final class Collector implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                messages.add(JSON.readTree(partial.toString()));
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }
    }
}
