package dev.oms.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import dev.oms.contracts.order.v1.OrderStatusChanged;
import dev.oms.contracts.cart.v1.CheckoutCompleted;
import dev.oms.infra.SharedTestInfra;
import dev.oms.messaging.IncomingMessage;
import dev.oms.messaging.ServiceRuntime;
import dev.oms.messaging.testing.MutableClock;
import dev.oms.messaging.testing.Stimulus;
import dev.oms.webhooks.TestReceiver.Answer;
import dev.oms.webhooks.TestReceiver.Received;
import dev.oms.webhooks.adapters.DeliveryTable;
import dev.oms.webhooks.adapters.Dispatcher;
import dev.oms.webhooks.adapters.EndpointTable;
import dev.oms.webhooks.api.EndpointResult;
import dev.oms.webhooks.api.WebhookAttempt;
import dev.oms.webhooks.api.WebhookDelivery;
import dev.oms.webhooks.api.WebhookEndpoint;
import dev.oms.webhooks.api.WebhookError;
import dev.oms.webhooks.domain.EndpointHealth;
import dev.oms.webhooks.domain.RetrySchedule;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The webhooks service against real PostgreSQL and a real HTTP receiver, its dispatcher driven with a test clock. */
class WebhookDeliveryIT {
    private static final String STATUS_CHANGED = "oms.order.v1.OrderStatusChanged";
    private static final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private static HikariDataSource dataSource;
    private static ServiceRuntime runtime;
    private static WebhookService webhooks;
    private static TestReceiver receiver;

    private final String orderId = "order-" + UUID.randomUUID();

    @BeforeAll
    static void start() throws Exception {
        Metrics.addRegistry(new SimpleMeterRegistry()); // the gauges Prometheus would scrape
        dataSource = SharedTestInfra.freshDatabase("webhooks_it").dataSource("webhooks-it", WebhookService.NAME, 8);
        runtime = new ServiceRuntime(WebhookService.NAME, dataSource, "127.0.0.1:9", clock);
        runtime.migrate();
        webhooks = WebhookService.registerWithoutLoop(runtime, clock,
                // rounds wait beyond the request timeout: each ends with every answer recorded
                new Dispatcher.Settings(32, 8, Duration.ofMillis(700), Duration.ofMinutes(1), Duration.ofSeconds(5)));
        receiver = new TestReceiver();
    }

    @AfterAll
    static void stop() {
        receiver.close();
        runtime.close();
        dataSource.close();
    }

    @BeforeEach
    void clean() throws SQLException {
        receiver.clear();
        try (Connection c = dataSource.getConnection()) {
            c.createStatement().execute("TRUNCATE webhook_attempt, webhook_delivery, webhook_endpoint");
        }
    }

    @Test
    void deliversAnEventOnceSignedWithTheEndpointsSecret() {
        EndpointResult endpoint = webhooks.createEndpoint(receiver.url(), List.of(STATUS_CHANGED), "crm");
        IncomingMessage event = statusChanged("CONFIRMED");
        handle(event);

        assertThat(webhooks.dispatchOnce()).isEqualTo(1);
        assertThat(webhooks.dispatchOnce()).isZero();

        Received got = receiver.received().get(0);
        assertThat(receiver.received()).hasSize(1);
        assertThat(TestReceiver.signedWith(got, endpoint.secret())).isTrue();
        assertThat(got.timestamp()).isEqualTo(Long.toString(clock.instant().getEpochSecond()));
        assertThat(got.body()).startsWith("{\"type\":\"" + STATUS_CHANGED + "\",\"timestamp\":\""
                + event.envelope().occurredAt() + "\",\"data\":{")
                .contains("\"order_id\":\"" + orderId + "\"", "\"status\":\"CONFIRMED\"");
        WebhookDelivery delivery = onlyDelivery();
        assertThat(delivery.id()).isEqualTo(got.id());
        assertThat(delivery.status()).isEqualTo(WebhookDelivery.DELIVERED);
        assertThat(delivery.attemptLog()).singleElement().satisfies(a -> {
            assertThat(a.statusCode()).isEqualTo(200);
            assertThat(a.response()).isEqualTo("answer 200");
        });
    }

    @Test
    void retriesAFailingReceiverWithBackoffUntilItRecoversWithTheSameId() {
        EndpointResult endpoint = webhooks.createEndpoint(receiver.url(), List.of(STATUS_CHANGED), "");
        receiver.answer(n -> new Answer(n <= 2 ? 500 : 204, 0));
        handle(statusChanged("CONFIRMED"));

        assertThat(webhooks.dispatchOnce()).isEqualTo(1);
        assertThat(webhooks.dispatchOnce()).as("not due before its backoff").isZero();
        clock.advance(Duration.ofSeconds(4));
        assertThat(webhooks.dispatchOnce()).isZero();
        clock.advance(Duration.ofSeconds(2));
        assertThat(webhooks.dispatchOnce()).isEqualTo(1);
        clock.advance(Duration.ofSeconds(20));
        assertThat(webhooks.dispatchOnce()).as("the second delay is 30 s").isZero();
        clock.advance(Duration.ofSeconds(14));
        assertThat(webhooks.dispatchOnce()).isEqualTo(1);

        List<Received> got = receiver.received();
        assertThat(got).hasSize(3).extracting(Received::answered).containsExactly(500, 500, 204);
        assertThat(got).extracting(Received::id).containsOnly(got.get(0).id());
        assertThat(got).allMatch(r -> TestReceiver.signedWith(r, endpoint.secret()));
        WebhookDelivery delivery = onlyDelivery();
        assertThat(delivery.status()).isEqualTo(WebhookDelivery.DELIVERED);
        assertThat(delivery.attempts()).isEqualTo(3);
        assertThat(delivery.attemptLog()).extracting(WebhookAttempt::statusCode).containsExactly(500, 500, 204);
    }

    @Test
    void countsATimeoutAsAFailedAttemptAndSucceedsLater() {
        EndpointResult endpoint = webhooks.createEndpoint(receiver.url(), List.of(STATUS_CHANGED), "");
        receiver.answer(n -> n == 1 ? new Answer(200, 2_000) : new Answer(200, 0));
        handle(statusChanged("CONFIRMED"));

        assertThat(webhooks.dispatchOnce()).isEqualTo(1);
        WebhookDelivery failed = onlyDelivery();
        assertThat(failed.status()).isEqualTo(WebhookDelivery.PENDING);
        assertThat(failed.attemptLog()).singleElement().satisfies(a -> {
            assertThat(a.statusCode()).isNull();
            assertThat(a.error()).containsIgnoringCase("timed out");
        });

        clock.advance(Duration.ofSeconds(6));
        assertThat(webhooks.dispatchOnce()).isEqualTo(1);
        assertThat(onlyDelivery().status()).isEqualTo(WebhookDelivery.DELIVERED);
        assertThat(receiver.received()).hasSize(2).extracting(Received::id).containsOnly(failed.id());
        assertThat(receiver.received()).allMatch(r -> TestReceiver.signedWith(r, endpoint.secret()));
    }

    @Test
    void givesUpAfterTheScheduleAndARedeliverySendsTheSameIdAgain() {
        webhooks.createEndpoint(receiver.url(), List.of(STATUS_CHANGED), "");
        receiver.answer(n -> new Answer(503, 0));
        handle(statusChanged("CONFIRMED"));

        for (int i = 0; i < 11; i++) {
            assertThat(webhooks.dispatchOnce()).isEqualTo(1);
            clock.advance(i < RetrySchedule.DELAYS.size() ? longestDelay(i) : Duration.ofHours(9));
        }
        assertThat(webhooks.dispatchOnce()).isZero();
        WebhookDelivery failed = onlyDelivery();
        assertThat(failed.status()).isEqualTo(WebhookDelivery.FAILED);
        assertThat(failed.attempts()).isEqualTo(11);
        assertThat(webhooks.deliveries(null, WebhookDelivery.FAILED, 10)).hasSize(1);

        receiver.answer(n -> new Answer(200, 0));
        assertThat(webhooks.redeliver(failed.id()).delivery().status()).isEqualTo(WebhookDelivery.PENDING);
        assertThat(webhooks.dispatchOnce()).isEqualTo(1);
        assertThat(onlyDelivery().status()).isEqualTo(WebhookDelivery.DELIVERED);
        assertThat(receiver.received()).hasSize(12).extracting(Received::id).containsOnly(failed.id());

        assertThat(webhooks.redeliver(failed.id()).error()).isNull();
        assertThat(webhooks.dispatchOnce()).as("a delivered one may be sent again too").isEqualTo(1);
        assertThat(receiver.received()).hasSize(13).extracting(Received::id).containsOnly(failed.id());
        assertThat(webhooks.redeliver("msg_nope").error().code()).isEqualTo(WebhookError.NOT_FOUND);
    }

    @Test
    void aRedeliveredEventMakesNoSecondDelivery() {
        webhooks.createEndpoint(receiver.url(), List.of(STATUS_CHANGED), "");
        IncomingMessage event = statusChanged("CONFIRMED");
        handle(event);
        handle(event);

        assertThat(webhooks.dispatchOnce()).isEqualTo(1);
        assertThat(webhooks.deliveries(null, null, 10)).hasSize(1);
        assertThat(receiver.received()).hasSize(1);
    }

    @Test
    void signsWithBothSecretsDuringARotationThenOnlyTheNewOne() {
        EndpointResult endpoint = webhooks.createEndpoint(receiver.url(), List.of("oms.order.*"), "");
        EndpointResult rotated = webhooks.rotateSecret(endpoint.endpoint().id());
        assertThat(rotated.secret()).startsWith("whsec_").isNotEqualTo(endpoint.secret());

        handle(statusChanged("CONFIRMED"));
        webhooks.dispatchOnce();
        Received during = receiver.received().get(0);
        assertThat(during.signature().split(" ")).hasSize(2);
        assertThat(TestReceiver.signedWith(during, endpoint.secret())).isTrue();
        assertThat(TestReceiver.signedWith(during, rotated.secret())).isTrue();

        clock.advance(WebhookService.PREVIOUS_SECRET_VALIDITY.plusSeconds(1));
        handle(statusChanged("SHIPPED"));
        webhooks.dispatchOnce();
        Received after = receiver.received().get(1);
        assertThat(after.signature().split(" ")).hasSize(1);
        assertThat(TestReceiver.signedWith(after, rotated.secret())).isTrue();
        assertThat(TestReceiver.signedWith(after, endpoint.secret())).isFalse();
    }

    @Test
    void sendsNothingForOtherTypesNorToADisabledEndpoint() {
        EndpointResult statusOnly = webhooks.createEndpoint(receiver.url(), List.of(STATUS_CHANGED), "");
        handle(Stimulus.message(orderId, null, CheckoutCompleted.newBuilder().setOrderId(orderId).build()));
        assertThat(webhooks.dispatchOnce()).isZero();

        webhooks.disableEndpoint(statusOnly.endpoint().id());
        handle(statusChanged("CONFIRMED"));
        assertThat(webhooks.dispatchOnce()).isZero();
        assertThat(receiver.received()).isEmpty();
        assertThat(webhooks.listEndpoints()).singleElement().satisfies(e -> assertThat(e.status()).isEqualTo("DISABLED"));

        EndpointResult all = webhooks.createEndpoint(receiver.url(), List.of("*"), "everything");
        handle(Stimulus.message(orderId, null, CheckoutCompleted.newBuilder().setOrderId(orderId).build()));
        assertThat(webhooks.dispatchOnce()).isEqualTo(1);
        assertThat(receiver.received()).singleElement().satisfies(r -> {
            assertThat(r.body()).contains("oms.cart.v1.CheckoutCompleted");
            assertThat(TestReceiver.signedWith(r, all.secret())).isTrue();
        });
    }

    @Test
    void probesAReceiverThatIsDownOneDeliveryAtATimeAndSendsTheRestAtOnceWhenItAnswers() {
        webhooks.createEndpoint(receiver.url(), List.of(STATUS_CHANGED), "");
        AtomicBoolean up = new AtomicBoolean(false);
        receiver.answer(n -> new Answer(up.get() ? 204 : 503, 0));
        for (int i = 0; i < 12; i++) {
            handle(statusChanged("CONFIRMED"));
        }

        assertThat(webhooks.dispatchOnce()).as("a first round: the endpoint's share of the batch").isEqualTo(8);
        assertThat(onlyEndpoint().failingAttempts()).isEqualTo(EndpointHealth.OPEN_AFTER);
        assertThat(onlyEndpoint().nextProbeAt()).isEqualTo(clock.instant().plus(EndpointHealth.FIRST_PROBE));
        assertThat(webhooks.dispatchOnce()).as("nothing before the probe is due, though four never tried wait").isZero();
        clock.advance(Duration.ofSeconds(5));
        assertThat(webhooks.dispatchOnce()).as("one probe").isEqualTo(1);
        assertThat(webhooks.dispatchOnce()).isZero();
        clock.advance(Duration.ofSeconds(9));
        assertThat(webhooks.dispatchOnce()).as("the next probe 10 s after the last").isZero();
        clock.advance(Duration.ofSeconds(1));
        assertThat(webhooks.dispatchOnce()).isEqualTo(1);
        assertThat(receiver.received()).hasSize(10);
        assertThat(gauge("oms.webhook.endpoints.down")).isEqualTo(1);
        assertThat(gauge("oms.webhook.deliveries", "pending")).isEqualTo(12);

        up.set(true);
        clock.advance(Duration.ofSeconds(20));
        assertThat(webhooks.dispatchOnce()).as("the probe that finds it back").isEqualTo(1);
        assertThat(onlyEndpoint().failingAttempts()).isZero();
        assertThat(onlyEndpoint().nextProbeAt()).isNull();
        assertThat(webhooks.dispatchOnce() + webhooks.dispatchOnce()).as("the others at once, not at their backoff")
                .isEqualTo(11);
        assertThat(webhooks.deliveries(null, WebhookDelivery.DELIVERED, 20)).hasSize(12);
        List<String> delivered = receiver.received().stream().filter(r -> r.answered() == 204).map(Received::id).toList();
        assertThat(delivered).hasSize(12).doesNotHaveDuplicates();
        assertThat(gauge("oms.webhook.endpoints.down")).isZero();
        assertThat(gauge("oms.webhook.deliveries", "pending")).isZero();
    }

    @Test
    void givesUpWhatTheCircuitHeldBackOnceItsScheduleWouldHaveEnded() {
        webhooks.createEndpoint(receiver.url(), List.of(STATUS_CHANGED), "");
        receiver.answer(n -> new Answer(503, 0));
        for (int i = 0; i < 60; i++) {
            handle(statusChanged("CONFIRMED"));
        }

        Instant end = clock.instant().plus(RetrySchedule.longest()).plus(Duration.ofMinutes(10));
        int rounds = 0;
        while (clock.instant().isBefore(end)) {
            webhooks.dispatchOnce();
            clock.advance(Duration.ofMinutes(5));
            rounds++;
        }

        assertThat(webhooks.deliveries(null, WebhookDelivery.FAILED, 100)).hasSize(60);
        assertThat(receiver.received()).as("the first round's share, then one probe a round at most (not 11 each)")
                .hasSizeLessThanOrEqualTo(8 + rounds);
        assertThat(gauge("oms.webhook.deliveries", "failed")).isEqualTo(60);
        assertThat(gauge("oms.webhook.deliveries", "pending")).isZero();
    }

    @Test
    void enablingAnEndpointTakenAsDownTriesItAtOnce() {
        EndpointResult endpoint = webhooks.createEndpoint(receiver.url(), List.of(STATUS_CHANGED), "");
        receiver.answer(n -> new Answer(n <= 3 ? 503 : 200, 0));
        for (int i = 0; i < 3; i++) {
            handle(statusChanged("CONFIRMED"));
        }
        assertThat(webhooks.dispatchOnce()).isEqualTo(3);
        assertThat(onlyEndpoint().nextProbeAt()).as("taken as down").isNotNull();
        assertThat(webhooks.dispatchOnce()).isZero();

        assertThat(webhooks.enableEndpoint(endpoint.endpoint().id()).endpoint().failingAttempts()).isZero();
        assertThat(webhooks.dispatchOnce()).isEqualTo(3);
        assertThat(webhooks.deliveries(null, WebhookDelivery.DELIVERED, 10)).hasSize(3);
    }

    @Test
    void removesEndedDeliveriesOlderThanTheRetentionWithTheirAttemptsButNotWhatWasRedeliveredSince() {
        webhooks.createEndpoint(receiver.url(), List.of(STATUS_CHANGED), "");
        handle(statusChanged("CONFIRMED"));
        handle(statusChanged("SHIPPED"));
        assertThat(webhooks.dispatchOnce()).isEqualTo(2);
        Instant cutOff = clock.instant().plusSeconds(1);
        clock.advance(Duration.ofDays(31));
        String redelivered = webhooks.deliveries(null, null, 10).get(0).id();
        webhooks.redeliver(redelivered);
        assertThat(webhooks.dispatchOnce()).isEqualTo(1);
        handle(statusChanged("DELIVERED"));

        assertThat(webhooks.prune(cutOff)).as("the one delivered once, a month ago").isEqualTo(1);
        assertThat(webhooks.deliveries(null, null, 10)).hasSize(2).anySatisfy(d -> {
            assertThat(d.id()).isEqualTo(redelivered);
            assertThat(d.attemptLog()).hasSize(2);
        }).anySatisfy(d -> assertThat(d.status()).isEqualTo(WebhookDelivery.PENDING));
        assertThat(webhooks.prune(cutOff)).isZero();
    }

    @Test
    void aSlowReceiverHoldsUpNeitherTheRoundNorTheOtherEndpoints() throws Exception {
        try (TestReceiver slow = new TestReceiver()) {
            slow.answer(n -> new Answer(200, 1_500));
            webhooks.createEndpoint(slow.url(), List.of(STATUS_CHANGED), "slow");
            webhooks.createEndpoint(receiver.url(), List.of(STATUS_CHANGED), "fast");
            handle(statusChanged("CONFIRMED"));
            handle(statusChanged("SHIPPED"));
            Dispatcher dispatcher = new Dispatcher(runtime.transactions(), new EndpointTable(), new DeliveryTable(), clock,
                    new Dispatcher.Settings(32, 1, Duration.ofSeconds(3), Duration.ofMinutes(1), Duration.ofMillis(200)));

            assertThat(dispatcher.dispatchOnce()).as("one to each, its share").isEqualTo(2);
            assertThat(webhooks.deliveries(null, WebhookDelivery.DELIVERED, 10)).as("the fast one, recorded at once")
                    .singleElement().satisfies(d -> assertThat(d.attemptLog()).singleElement()
                            .satisfies(a -> assertThat(a.statusCode()).isEqualTo(200)));
            assertThat(dispatcher.dispatchOnce()).as("the fast endpoint's next; none to the slow one, whose first is out")
                    .isEqualTo(1);
            assertThat(receiver.received()).hasSize(2);
            assertThat(slow.received()).hasSize(1);

            await().atMost(Duration.ofSeconds(10)).until(() ->
                    webhooks.deliveries(null, WebhookDelivery.DELIVERED, 10).size() == 3);
            assertThat(dispatcher.dispatchOnce()).as("the slow endpoint's second, once its first was answered")
                    .isEqualTo(1);
        }
    }

    @Test
    void refusesBadInputWithTypedErrors() {
        assertThat(webhooks.createEndpoint("ftp://example.com/x", List.of(STATUS_CHANGED), "").error().code())
                .isEqualTo(WebhookError.INVALID_URL);
        assertThat(webhooks.createEndpoint("not a url", List.of(STATUS_CHANGED), "").error().code())
                .isEqualTo(WebhookError.INVALID_URL);
        assertThat(webhooks.createEndpoint(receiver.url(), List.of("oms.order.v1.Nope"), "").error().code())
                .isEqualTo(WebhookError.UNKNOWN_EVENT_TYPE);
        assertThat(webhooks.createEndpoint(receiver.url(), List.of("oms.inventory.v1.ReserveStock"), "").error())
                .as("a command is not an event").isNotNull();
        assertThat(webhooks.createEndpoint(receiver.url(), List.of(), "").error()).isNotNull();
        assertThat(webhooks.disableEndpoint("ep_nope").error().code()).isEqualTo(WebhookError.NOT_FOUND);
        assertThat(webhooks.listEndpoints()).isEmpty();
    }

    private IncomingMessage statusChanged(String status) {
        return Stimulus.message(orderId, null, OrderStatusChanged.newBuilder().setOrderId(orderId).setStatus(status)
                .setPreviousStatus("PENDING").build());
    }

    private void handle(IncomingMessage message) {
        runtime.transactions().inTransaction(message.envelope(), tx -> {
            webhooks.handler().handle(message, tx);
            return null;
        });
    }

    /** The longest the schedule waits after the n-th failed attempt (0-based), jitter included. */
    private static Duration longestDelay(int n) {
        Duration delay = RetrySchedule.DELAYS.get(n);
        return delay.plus(delay.dividedBy(10));
    }

    private static WebhookEndpoint onlyEndpoint() {
        List<WebhookEndpoint> all = webhooks.listEndpoints();
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    private static double gauge(String name, String... status) {
        var search = Metrics.globalRegistry.find(name);
        return (status.length == 0 ? search : search.tag("status", status[0])).gauge().value();
    }

    private WebhookDelivery onlyDelivery() {
        List<WebhookDelivery> all = webhooks.deliveries(null, null, 10);
        assertThat(all).hasSize(1);
        return all.get(0);
    }
}
