package dev.oms.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.oms.contracts.notification.v1.NotificationSent;
import dev.oms.contracts.notification.v1.SendNotification;
import dev.oms.infra.SharedTestInfra;
import dev.oms.messaging.IncomingMessage;
import dev.oms.messaging.ServiceRuntime;
import dev.oms.messaging.testing.OutboxReader;
import dev.oms.messaging.testing.Stimulus;
import dev.oms.notification.api.Notification;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NotificationHandlersIT {
    private static final List<Notification> delivered = new CopyOnWriteArrayList<>();
    private static HikariDataSource dataSource;
    private static ServiceRuntime runtime;
    private static NotificationService notification;

    private final String orderId = "order-" + UUID.randomUUID();

    @BeforeAll
    static void startService() {
        dataSource = SharedTestInfra.freshDatabase("notification_it").dataSource("notification-it", NotificationService.NAME, 8);
        runtime = new ServiceRuntime(NotificationService.NAME, dataSource, "127.0.0.1:9", Clock.systemUTC());
        runtime.migrate();
        notification = NotificationService.register(runtime, delivered::add);
    }

    @AfterAll
    static void stopService() {
        runtime.close();
        dataSource.close();
    }

    @BeforeEach
    void forgetEarlierMessages() {
        OutboxReader.clear(dataSource);
        delivered.clear();
    }

    @Test
    void sendsOnceForADedupKey() {
        send(confirmation(orderId + ":confirmed"));
        send(confirmation(orderId + ":confirmed"));

        assertThat(delivered).singleElement().satisfies(n -> {
            assertThat(n.recipient()).isEqualTo("ada@example.com");
            assertThat(n.params()).containsEntry("total", "49.90 EUR");
        });
        List<NotificationSent> replies = OutboxReader.ofType(dataSource, NotificationSent.class);
        assertThat(replies).hasSize(2);
        assertThat(replies.get(1)).isEqualTo(replies.get(0));
        assertThat(replies.get(0).getNotificationId()).isEqualTo(delivered.get(0).notificationId());
        assertThat(replies.get(0).getDedupKey()).isEqualTo(orderId + ":confirmed");
    }

    @Test
    void sendsAgainForAnotherDedupKey() {
        send(confirmation(orderId + ":confirmed"));
        send(confirmation(orderId + ":shipped"));

        assertThat(delivered).hasSize(2);
        assertThat(OutboxReader.ofType(dataSource, NotificationSent.class))
                .extracting(NotificationSent::getNotificationId).doesNotHaveDuplicates();
    }

    @Test
    void sendsOnceWhenDuplicatesRace() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            done.add(pool.submit(() -> {
                start.await();
                send(confirmation(orderId + ":confirmed"));
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();

        assertThat(delivered).hasSize(1);
        assertThat(OutboxReader.ofType(dataSource, NotificationSent.class)).hasSize(4)
                .extracting(NotificationSent::getNotificationId).containsOnly(delivered.get(0).notificationId());
    }

    @Test
    void treatsARepeatWithoutKeyAsTheSameNotification() {
        send(confirmation(""));
        send(confirmation(""));

        assertThat(delivered).hasSize(1);
        assertThat(OutboxReader.ofType(dataSource, NotificationSent.class)).extracting(NotificationSent::getDedupKey)
                .containsOnly(orderId + ":order-confirmed:email");
    }

    @Test
    void recordsTheParamsAsJson() {
        send(confirmation(orderId + ":confirmed"));

        assertThat(paramsJson()).isEqualTo("{\"name\": \"Ada\", \"total\": \"49.90 EUR\"}");
    }

    @Test
    void sendsANotificationWithoutParams() {
        send(confirmation(orderId + ":confirmed").toBuilder().clearParams().build());

        assertThat(delivered).singleElement().satisfies(n -> assertThat(n.params()).isEmpty());
        assertThat(paramsJson()).isEqualTo("{}");
    }

    private void send(SendNotification command) {
        IncomingMessage message = Stimulus.message(orderId, "saga-" + orderId, command);
        runtime.transactions().inTransaction(message.envelope(), tx -> {
            notification.handler().handle(message, tx);
            return null;
        });
    }

    private SendNotification confirmation(String dedupKey) {
        return SendNotification.newBuilder()
                .setOrderId(orderId)
                .setCustomerId("customer-1")
                .setChannel("email")
                .setTemplate("order-confirmed")
                .setRecipient("ada@example.com")
                .setDedupKey(dedupKey)
                .putAllParams(Map.of("total", "49.90 EUR", "name", "Ada"))
                .build();
    }

    private String paramsJson() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement("SELECT params::text FROM notification WHERE order_id = ?")) {
            select.setString(1, orderId);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
