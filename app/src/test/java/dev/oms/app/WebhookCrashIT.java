package dev.oms.app;

import static dev.oms.app.HookReceiver.STATUS_CHANGED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import dev.oms.app.invariants.InvariantChecker;
import dev.oms.infra.DbConfig;
import dev.oms.infra.LocalKafka;
import dev.oms.infra.SharedTestInfra;
import dev.oms.messaging.CrashPoints;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The webhooks service killed (kill -9, in a child JVM) after receivers answered a round's posts and before the
 * attempts were recorded: a restarted platform sends those deliveries again, with the same webhook-ids, and every
 * event still reaches the receiver; nothing is lost and nothing gets a second id.
 */
class WebhookCrashIT {

    @Test
    void aDispatcherKilledBetweenSendAndRecordSendsAgainWithTheSameIds() throws Exception {
        DbConfig db = SharedTestInfra.freshDatabase("webhook_crash");
        try (LocalKafka kafka = LocalKafka.startTemporary(); HikariDataSource data = db.dataSource("checker", null, 2);
             HookReceiver receiver = new HookReceiver()) {
            List<String> orders = Collections.synchronizedList(new ArrayList<>());
            String endpointId;
            try (ChildPlatform first = ChildPlatform.start("webhook-crash-1", db, kafka.bootstrapServers(),
                    Map.of("OMS_CRASH_POINT", CrashPoints.WEBHOOKS_AFTER_SEND, "OMS_CRASH_AFTER", "3"))) {
                Shop shop = new Shop(new GraphQlClient(first.graphqlUrl()));
                endpointId = receiver.register(shop.asOps(), STATUS_CHANGED);
                for (int i = 0; i < 30 && first.alive(); i++) {
                    try {
                        orders.add(shop.asCustomer("hook-" + i % 3).placeOrder("SKU-000" + (1 + i % 3), 1, "sandbox_ok"));
                    } catch (RuntimeException | AssertionError platformDied) {
                        // the crash point fired: the orders that made it in are the ones followed
                    }
                }
                first.waitForExit(Duration.ofSeconds(60));
                assertThat(first.alive()).as("the crash point was reached").isFalse();
            }
            Set<String> answeredBeforeTheCrash = new HashSet<>(receiver.delivered());

            try (ChildPlatform second = ChildPlatform.start("webhook-crash-2", db, kafka.bootstrapServers(), Map.of())) {
                Shop shop = new Shop(new GraphQlClient(second.graphqlUrl())).asCustomer("hook-after");
                orders.add(shop.placeOrder("SKU-0001", 1, "sandbox_ok"));
                HookReceiver.awaitAllDelivered(data, endpointId, orders);
                InvariantChecker checker = new InvariantChecker(data);
                await().atMost(Duration.ofSeconds(120)).until(checker::quiescent);
                assertThat(checker.checkQuiescent()).isEmpty();
            }

            Set<String> statusChanges = HookReceiver.statusChangeIds(data, orders);
            Set<String> ids = HookReceiver.deliveryIdsOf(data, endpointId, statusChanges);
            Map<String, Long> timesDelivered = receiver.delivered().stream()
                    .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
            Set<String> repeated = timesDelivered.entrySet().stream().filter(e -> e.getValue() > 1)
                    .map(Map.Entry::getKey).collect(Collectors.toSet());
            System.out.printf("webhook crash: %d orders, %d status changes, %d delivered before the kill, %d of them "
                    + "sent again after it%n", orders.size(), statusChanges.size(), answeredBeforeTheCrash.size(),
                    repeated.size());

            assertThat(ids).as("one delivery, one id, per status change").hasSameSizeAs(statusChanges);
            assertThat(timesDelivered.keySet()).as("every one reached the receiver").containsAll(ids);
            assertThat(repeated).as("the round the kill cut short was sent again, under the same ids").isNotEmpty()
                    .isSubsetOf(answeredBeforeTheCrash);
            assertThat(timesDelivered.values()).as("at most once more than once").allMatch(n -> n <= 2);
            assertThat(receiver.received()).allMatch(HookReceiver.Received::signatureValid);
        }
    }
}
