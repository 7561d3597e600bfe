package dev.oms.bff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.oms.projections.api.LocalProjectionUpdates;
import dev.oms.projections.api.OrderUpdate;
import dev.oms.projections.api.SagaView;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.client.SubscriptionErrorException;
import org.springframework.graphql.client.WebSocketGraphQlClient;
import org.springframework.graphql.client.WebSocketGraphQlClientInterceptor;
import org.springframework.web.reactive.socket.client.StandardWebSocketClient;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

/**
 * Subscriptions over a real WebSocket (graphql-transport-ws), the token in the connection_init payload. The
 * projection's updates are published by the test, as the projections would after a commit.
 */
@GraphQlApiTest
class SubscriptionsIT {
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final String ORDER_UPDATED = """
            subscription($id: ID!) { orderUpdated(orderId: $id) { orderId status occurredAt order { id customerId } } }""";

    @LocalServerPort
    int port;
    @Autowired
    LocalProjectionUpdates updates;

    private final List<WebSocketGraphQlClient> clients = new CopyOnWriteArrayList<>();

    @AfterEach
    void disconnect() {
        clients.forEach(client -> client.stop().block(PATIENCE));
    }

    private WebSocketGraphQlClient client(String token) {
        WebSocketGraphQlClient.Builder<?> builder =
                WebSocketGraphQlClient.builder("ws://127.0.0.1:" + port + "/graphql", new StandardWebSocketClient());
        if (token != null) {
            builder.interceptor(new WebSocketGraphQlClientInterceptor() {
                @Override
                public Mono<Object> connectionInitPayload() {
                    return Mono.just(Map.of("Authorization", "Bearer " + token));
                }
            });
        }
        WebSocketGraphQlClient client = builder.build();
        clients.add(client);
        return client;
    }

    @Test
    void pushesEachStatusOfAnOrderToItsCustomerUntilItIsDelivered() {
        List<String> statuses = client(TestTokens.customer(TestTokens.CUSTOMER_B)).document(ORDER_UPDATED)
                .variable("id", FakeOrderQueries.JUST_PLACED).executeSubscription()
                .map(response -> {
                    assertThat(response.field("orderUpdated.order.customerId").toEntity(String.class))
                            .isEqualTo(TestTokens.CUSTOMER_B);
                    return response.field("orderUpdated.status").toEntity(String.class);
                })
                .doOnNext(status -> {
                    if (status.equals("PENDING")) {
                        publishTheRestOfTheOrdersLife();
                    }
                })
                .collectList().block(PATIENCE);

        assertThat(statuses).containsExactly("PENDING", "CONFIRMED", "FULFILLING", "SHIPPED", "DELIVERED");
    }

    /** Each change once, with a redelivery, a late stale status and another order's change in between. */
    private void publishTheRestOfTheOrdersLife() {
        String order = FakeOrderQueries.JUST_PLACED;
        Instant placed = FakeOrderQueries.PLACED_AT.plusSeconds(60);
        updates.publish(update(order, "CONFIRMED", placed.plusSeconds(1)));
        updates.publish(update(order, "CONFIRMED", placed.plusSeconds(1)));
        updates.publish(update("order-of-someone-else", "CANCELLED", placed.plusSeconds(1)));
        updates.publish(update(order, "PENDING", placed));
        updates.publish(update(order, "FULFILLING", placed.plusSeconds(2)));
        updates.publish(update(order, "SHIPPED", placed.plusSeconds(3)));
        updates.publish(update(order, "DELIVERED", placed.plusSeconds(4)));
    }

    private static OrderUpdate update(String orderId, String status, Instant at) {
        return new OrderUpdate(orderId, TestTokens.CUSTOMER_B, status, at, FakeOrderQueries.PLACED_AT);
    }

    @Test
    void refusesAnOrderSubscriptionWithoutToken() {
        assertThatThrownBy(() -> client(null).document(ORDER_UPDATED).variable("id", FakeOrderQueries.JUST_PLACED)
                .executeSubscription().blockFirst(PATIENCE))
                .isInstanceOfSatisfying(SubscriptionErrorException.class, e -> assertThat(e.getErrors())
                        .singleElement().satisfies(error -> assertThat(error.getExtensions())
                                .containsEntry("classification", "UNAUTHENTICATED")));
    }

    @Test
    void closesAConnectionWhoseTokenIsInvalid() {
        assertThatThrownBy(() -> client(TestTokens.signedWithAnotherKey()).document(ORDER_UPDATED)
                .variable("id", FakeOrderQueries.JUST_PLACED).executeSubscription().blockFirst(PATIENCE))
                .hasMessageContaining("4401");
    }

    @Test
    void pushesSagaSnapshotsInTheAskedStatusToOperators() {
        List<String> received = new CopyOnWriteArrayList<>();
        Disposable subscription = client(TestTokens.ops())
                .document("subscription { sagaUpdated(status: RUNNING) { id status steps { name status } } }")
                .executeSubscription()
                .map(response -> response.field("sagaUpdated.id").toEntity(String.class) + " "
                        + response.field("sagaUpdated.status").toEntity(String.class))
                .subscribe(received::add);
        try {
            await().atMost(PATIENCE).pollInterval(Duration.ofMillis(50)).until(() -> {
                updates.publish(new SagaView("saga-done", "PlaceOrder", "COMPLETED", List.of()));
                updates.publish(FakeOperationsQueries.SAGAS.get(0));
                return !received.isEmpty();
            });
        } finally {
            subscription.dispose();
        }

        assertThat(received).allSatisfy(saga -> assertThat(saga).isEqualTo("saga-stuck RUNNING"));
    }

    @Test
    void refusesSagaUpdatesToACustomer() {
        assertThatThrownBy(() -> client(TestTokens.customer(TestTokens.CUSTOMER_A))
                .document("subscription { sagaUpdated { id } }").executeSubscription().blockFirst(PATIENCE))
                .isInstanceOfSatisfying(SubscriptionErrorException.class, e -> assertThat(e.getErrors())
                        .singleElement().satisfies(error -> assertThat(error.getExtensions())
                                .containsEntry("classification", "FORBIDDEN").containsEntry("code", "FORBIDDEN")));
    }
}
