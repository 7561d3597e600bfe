package dev.oms.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.oms.contracts.common.v1.Money;
import dev.oms.contracts.order.v1.OrderPlaced;
import dev.oms.contracts.order.v1.OrderStatusChanged;
import dev.oms.contracts.payment.v1.PaymentRefunded;
import com.zaxxer.hikari.HikariDataSource;
import dev.oms.contracts.notification.v1.NotificationSent;
import dev.oms.contracts.notification.v1.SendNotification;
import dev.oms.infra.SharedTestInfra;
import dev.oms.messaging.IncomingMessage;
import dev.oms.messaging.MessageHandler;
import dev.oms.messaging.ServiceRuntime;
import dev.oms.messaging.testing.OutboxReader;
import dev.oms.messaging.testing.Stimulus;
import dev.oms.notification.adapters.DeliveryTable;
import dev.oms.notification.adapters.MailDeliveryException;
import dev.oms.notification.adapters.NotificationSender;
import dev.oms.notification.adapters.NotificationTable;
import dev.oms.notification.adapters.SendNotificationHandler;
import dev.oms.notification.adapters.SmtpNotificationChannel;
import dev.oms.notification.adapters.SmtpSettings;
import dev.oms.notification.domain.MailKind;
import dev.oms.notification.domain.MessageIds;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The SMTP channel against a real SMTP server (GreenMail, in this JVM) and the service's real database. */
class SmtpNotificationIT {
    private static final String FROM = "shop@oms.example";

    @RegisterExtension
    static final GreenMailExtension mailServer = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser(FROM, "shop", "secret"))
            .withPerMethodLifecycle(false);

    /** Set by a test: the next send "crashes" right after the server accepted the mail, before SENT is recorded. */
    private static final AtomicBoolean crashAfterNextSend = new AtomicBoolean();
    private static HikariDataSource dataSource;
    private static ServiceRuntime runtime;
    private static NotificationService notification;

    private final String orderId = "order-" + UUID.randomUUID();
    private final String customerId = "customer-" + UUID.randomUUID().toString().substring(0, 8);

    @BeforeAll
    static void startService() {
        dataSource = SharedTestInfra.freshDatabase("smtp_notification_it").dataSource("smtp-notification-it",
                NotificationService.NAME, 8);
        runtime = new ServiceRuntime(NotificationService.NAME, dataSource, "127.0.0.1:9", Clock.systemUTC());
        runtime.migrate();
        notification = NotificationService.register(runtime, new SmtpNotificationChannel(settings(smtpPort())), true, () -> {
            if (crashAfterNextSend.getAndSet(false)) {
                throw new SimulatedCrash();
            }
        });
    }

    @AfterAll
    static void stopService() {
        runtime.close();
        dataSource.close();
    }

    @BeforeEach
    void emptyMailboxes() throws Exception {
        mailServer.purgeEmailFromAllMailboxes();
        OutboxReader.clear(dataSource);
        crashAfterNextSend.set(false);
    }

    @ParameterizedTest
    @EnumSource(MailKind.class)
    void eachKindArrivesOnceAsTextAndHtml(MailKind kind) throws Exception {
        send(notification.handler(), command(kind.template(), kind.template() + ":" + orderId));

        MimeMessage mail = onlyMail();
        assertThat(mail.getFrom()).extracting(Object::toString).containsExactly(FROM);
        assertThat(mail.getRecipients(Message.RecipientType.TO)).extracting(Object::toString)
                .containsExactly(customerId + "@example.test");
        assertThat(mail.getSubject()).contains(orderId).isEqualTo(expectedSubject(kind).formatted(orderId));
        assertThat(mail.getMessageID()).isEqualTo(MessageIds.messageId(kind.template() + ":" + orderId, FROM));
        assertThat(mail.getContentType()).startsWith("multipart/alternative");
        MimeMultipart parts = (MimeMultipart) mail.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        BodyPart text = parts.getBodyPart(0);
        BodyPart html = parts.getBodyPart(1);
        assertThat(text.getContentType()).startsWith("text/plain").containsIgnoringCase("utf-8");
        assertThat((String) text.getContent()).contains("Hello Ada & Bøb <b>,", orderId);
        assertThat(html.getContentType()).startsWith("text/html");
        assertThat((String) html.getContent()).contains("<p>Hello Ada &amp; Bøb &lt;b&gt;,</p>", orderId);
        if (kind == MailKind.ORDER_CONFIRMED || kind == MailKind.ORDER_REFUNDED) {
            assertThat((String) text.getContent()).contains("49.90 EUR");
            assertThat((String) html.getContent()).contains("49.90 EUR");
        }
        assertThat(deliveryStatus(kind.template() + ":" + orderId)).isEqualTo("SENT");
    }

    @Test
    void aRedeliveredCommandSendsNothing() throws Exception {
        SendNotification command = command("order_confirmed", "order_confirmed:" + orderId);
        send(notification.handler(), command);
        send(notification.handler(), command);

        assertThat(mailServer.getReceivedMessages()).hasSize(1);
        List<NotificationSent> replies = OutboxReader.ofType(dataSource, NotificationSent.class);
        assertThat(replies).hasSize(2);
        assertThat(replies.get(1)).isEqualTo(replies.get(0));
    }

    @Test
    void aCrashBetweenTheSendAndItsRecordDoesNotSendTwice() throws Exception {
        String key = "order_confirmed:" + orderId;
        crashAfterNextSend.set(true);

        assertThatThrownBy(() -> send(notification.handler(), command("order_confirmed", key)))
                .isInstanceOf(SimulatedCrash.class);
        // the server has the mail; the handler's transaction rolled back, its intent stayed
        assertThat(mailServer.getReceivedMessages()).hasSize(1);
        assertThat(notificationRows()).isZero();
        assertThat(OutboxReader.ofType(dataSource, NotificationSent.class)).isEmpty();
        assertThat(deliveryStatus(key)).isEqualTo("SENDING");

        send(notification.handler(), command("order_confirmed", key)); // the redelivery

        assertThat(mailServer.getReceivedMessages()).hasSize(1);
        assertThat(notificationRows()).isEqualTo(1);
        assertThat(OutboxReader.ofType(dataSource, NotificationSent.class)).singleElement()
                .satisfies(sent -> assertThat(sent.getDedupKey()).isEqualTo(key));
        assertThat(deliveryStatus(key)).isEqualTo("UNCONFIRMED");
    }

    @Test
    void aTransactionRolledBackAfterTheSendDoesNotSendAgain() throws Exception {
        // e.g. another message of the same poll failed: the consumer then applies each one alone
        String key = "order_shipped:" + orderId;
        IncomingMessage message = Stimulus.message(orderId, "saga-" + orderId, command("order_shipped", key));
        assertThatThrownBy(() -> runtime.transactions().inTransaction(message.envelope(), tx -> {
            notification.handler().handle(message, tx);
            throw new IllegalStateException("another message of the batch failed");
        })).hasMessageContaining("another message");
        assertThat(notificationRows()).isZero();

        send(notification.handler(), command("order_shipped", key));

        assertThat(mailServer.getReceivedMessages()).hasSize(1);
        assertThat(notificationRows()).isEqualTo(1);
        assertThat(deliveryStatus(key)).isEqualTo("SENT");
    }

    @Test
    void aRefusedSendIsRetriedAndThenArrivesOnce() throws Exception {
        String key = "order_delivered:" + orderId;
        MessageHandler unreachable = handlerSendingThrough(new SmtpNotificationChannel(settings(closedPort())));

        assertThatThrownBy(() -> send(unreachable, command("order_delivered", key)))
                .isInstanceOf(MailDeliveryException.class).hasMessageContaining("127.0.0.1");
        assertThat(deliveryStatus(key)).isEqualTo("FAILED");
        assertThat(notificationRows()).isZero();

        send(notification.handler(), command("order_delivered", key));

        assertThat(mailServer.getReceivedMessages()).hasSize(1);
        assertThat(deliveryStatus(key)).isEqualTo("SENT");
    }

    @Test
    void aWrongPasswordIsRefused() throws Exception {
        SmtpSettings good = settings(smtpPort());
        SmtpSettings wrong = new SmtpSettings(good.host(), good.port(), good.tls(),
                Optional.of(new SmtpSettings.Credentials("shop", "wrong")), good.from(), good.toTemplate(), good.timeout());
        MessageHandler badLogin = handlerSendingThrough(new SmtpNotificationChannel(wrong));

        assertThatThrownBy(() -> send(badLogin, command("order_confirmed", "order_confirmed:" + orderId)))
                .isInstanceOf(MailDeliveryException.class);
        assertThat(mailServer.getReceivedMessages()).isEmpty();
    }

    @Test
    void orderEventsEmailTheCustomerOncePerStatusAndRefund() throws Exception {
        deliver(OrderPlaced.newBuilder().setOrderId(orderId).setCustomerId(customerId)
                .setTotal(Money.newBuilder().setAmount(4990).setCurrency("EUR")).build());
        deliver(status("CONFIRMED"));
        deliver(status("SHIPPED"));
        deliver(status("SHIPPED")); // redelivered
        deliver(status("DELIVERED"));
        PaymentRefunded refund = PaymentRefunded.newBuilder().setOrderId(orderId).setPaymentId("pay-1")
                .setOperationId("refund-1").setAmount(Money.newBuilder().setAmount(1250).setCurrency("EUR"))
                .setRefundedTotal(Money.newBuilder().setAmount(1250).setCurrency("EUR")).build();
        deliver(refund);
        deliver(refund); // redelivered

        assertThat(mailServer.getReceivedMessages()).extracting(MimeMessage::getSubject).containsExactly(
                "Your order %s is on its way".formatted(orderId),
                "Your order %s has been delivered".formatted(orderId),
                "Your refund for order %s".formatted(orderId));
        assertThat(mailServer.getReceivedMessages()).allSatisfy(mail -> assertThat(
                mail.getRecipients(Message.RecipientType.TO)[0].toString()).isEqualTo(customerId + "@example.test"));
        assertThat(GreenMailUtil.getBody(mailServer.getReceivedMessages()[2])).contains("12.50 EUR");
        assertThat(deliveryStatus("order_refunded:" + orderId + ":refund-1")).isEqualTo("SENT");
        // no saga waits for these: a NotificationSent would look like the reply to its notify step
        assertThat(OutboxReader.ofType(dataSource, NotificationSent.class)).isEmpty();
    }

    @Test
    void anOrderEventOfAnUnknownOrderSendsNothing() {
        deliver(status("CANCELLED"));

        assertThat(mailServer.getReceivedMessages()).isEmpty();
    }

    private OrderStatusChanged status(String status) {
        return OrderStatusChanged.newBuilder().setOrderId(orderId).setStatus(status).build();
    }

    private void deliver(com.google.protobuf.Message event) {
        IncomingMessage message = Stimulus.message(orderId, null, event);
        runtime.transactions().inTransaction(message.envelope(), tx -> {
            notification.handler().handle(message, tx);
            return null;
        });
    }

    private static MessageHandler handlerSendingThrough(SmtpNotificationChannel channel) {
        return new SendNotificationHandler(new NotificationSender(new NotificationTable(), new DeliveryTable(dataSource),
                channel, () -> { }));
    }

    private static String expectedSubject(MailKind kind) {
        return switch (kind) {
            case ORDER_CONFIRMED -> "Your order %s is confirmed";
            case ORDER_SHIPPED -> "Your order %s is on its way";
            case ORDER_DELIVERED -> "Your order %s has been delivered";
            case ORDER_CANCELLED -> "Your order %s has been cancelled";
            case ORDER_REFUNDED -> "Your refund for order %s";
        };
    }

    private MimeMessage onlyMail() {
        MimeMessage[] received = mailServer.getReceivedMessages();
        assertThat(received).as(Arrays.toString(received)).hasSize(1);
        return received[0];
    }

    private SendNotification command(String template, String dedupKey) {
        // as the order service sends it: the customer id as the recipient, no address
        return SendNotification.newBuilder()
                .setOrderId(orderId)
                .setCustomerId(customerId)
                .setChannel("email")
                .setTemplate(template)
                .setRecipient(customerId)
                .setDedupKey(dedupKey)
                .putAllParams(Map.of("name", "Ada & Bøb <b>", "amount", "4990", "currency", "EUR"))
                .build();
    }

    private void send(MessageHandler handler, SendNotification command) {
        IncomingMessage message = Stimulus.message(orderId, "saga-" + orderId, command);
        runtime.transactions().inTransaction(message.envelope(), tx -> {
            handler.handle(message, tx);
            return null;
        });
    }

    private static int smtpPort() {
        return mailServer.getSmtp().getPort();
    }

    private static SmtpSettings settings(int port) {
        return new SmtpSettings("127.0.0.1", port, SmtpSettings.Tls.NONE,
                Optional.of(new SmtpSettings.Credentials("shop", "secret")), FROM, SmtpSettings.DEFAULT_TO_TEMPLATE,
                Duration.ofSeconds(5));
    }

    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private String deliveryStatus(String dedupKey) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement("SELECT status FROM notification_delivery WHERE dedup_key = ?")) {
            select.setString(1, dedupKey);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        }
    }

    private int notificationRows() throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement("SELECT count(*) FROM notification WHERE order_id = ?")) {
            select.setString(1, orderId);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }

    /** What a kill -9 right after the send looks like to the database: the transaction never commits. */
    private static final class SimulatedCrash extends RuntimeException {
        SimulatedCrash() {
            super("simulated crash between the SMTP send and its record");
        }
    }
}
