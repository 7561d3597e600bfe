package dev.oms.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.Message;
import com.zaxxer.hikari.HikariDataSource;
import dev.oms.contracts.common.v1.Money;
import dev.oms.contracts.payment.v1.AuthorizationVoided;
import dev.oms.contracts.payment.v1.AuthorizePayment;
import dev.oms.contracts.payment.v1.CapturePayment;
import dev.oms.contracts.payment.v1.PaymentAuthorized;
import dev.oms.contracts.payment.v1.PaymentCaptured;
import dev.oms.contracts.payment.v1.PaymentDeclined;
import dev.oms.contracts.payment.v1.VoidAuthorization;
import dev.oms.infra.SharedTestInfra;
import dev.oms.messaging.IncomingMessage;
import dev.oms.messaging.ServiceRuntime;
import dev.oms.messaging.testing.OutboxReader;
import dev.oms.messaging.testing.Stimulus;
import dev.oms.payment.domain.IllegalTransitionException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PaymentHandlersIT {
    private static HikariDataSource dataSource;
    private static ServiceRuntime runtime;
    private static PaymentService payment;

    private final String orderId = "order-" + UUID.randomUUID();
    private final String sagaId = "saga-" + UUID.randomUUID();

    @BeforeAll
    static void startService() {
        dataSource = SharedTestInfra.freshDatabase("payment_it").dataSource("payment-it", PaymentService.NAME, 10);
        runtime = new ServiceRuntime(PaymentService.NAME, dataSource, "127.0.0.1:9", Clock.systemUTC());
        runtime.migrate();
        payment = PaymentService.register(runtime);
    }

    @AfterAll
    static void stopService() {
        runtime.close();
        dataSource.close();
    }

    @BeforeEach
    void forgetEarlierMessages() {
        OutboxReader.clear(dataSource);
    }

    @Test
    void authorizesWithSandboxOk() {
        send(authorize("sandbox_ok", 4990));

        PaymentAuthorized authorized = only(PaymentAuthorized.class);
        assertThat(authorized.getOrderId()).isEqualTo(orderId);
        assertThat(authorized.getAmount().getAmount()).isEqualTo(4990);
        assertThat(authorized.getPaymentId()).isNotBlank();
        assertThat(paymentColumn("status")).isEqualTo("AUTHORIZED");
        assertThat(paymentColumn("authorization_id")).startsWith("sbx_auth_");
    }

    @Test
    void declinesWithSandboxDecline() {
        send(authorize("sandbox_decline", 4990));

        assertThat(only(PaymentDeclined.class).getCode()).isEqualTo("card_declined");
        assertThat(paymentColumn("status")).isEqualTo("DECLINED");
    }

    @Test
    void declinesAnUnknownToken() {
        send(authorize("tok_visa", 4990));

        assertThat(only(PaymentDeclined.class).getCode()).isEqualTo("invalid_payment_token");
    }

    @Test
    void declinesANonPositiveAmountWithoutAskingTheProvider() {
        send(authorize("sandbox_ok", 0));

        assertThat(only(PaymentDeclined.class).getCode()).isEqualTo("invalid_amount");
        assertThat(ledgerOperations()).isEmpty();
    }

    @Test
    void repeatedAuthorizeNeverBooksTwice() {
        send(authorize("sandbox_ok", 4990));
        send(authorize("sandbox_ok", 4990));

        List<PaymentAuthorized> replies = OutboxReader.ofType(dataSource, PaymentAuthorized.class);
        assertThat(replies).hasSize(2);
        assertThat(replies.get(1)).isEqualTo(replies.get(0));
        assertThat(ledgerOperations()).containsExactly("AUTHORIZE");
    }

    @Test
    void aRetryAfterARollbackGetsTheSameAnswerFromTheProvider() {
        IncomingMessage first = Stimulus.message(orderId, sagaId, authorize("sandbox_ok", 4990));
        assertThatThrownBy(() -> runtime.transactions().inTransaction(first.envelope(), tx -> {
            payment.handler().handle(first, tx);
            throw new IllegalStateException("crash before commit");
        })).hasMessageContaining("crash");
        String booked = ledgerColumn("authorization_id");

        send(authorize("sandbox_ok", 4990));

        assertThat(paymentColumn("authorization_id")).isEqualTo(booked);
        assertThat(ledgerOperations()).containsExactly("AUTHORIZE");
    }

    @Test
    void captureOnlyOnce() {
        send(authorize("sandbox_ok", 4990));
        send(capture());
        send(capture());

        List<PaymentCaptured> replies = OutboxReader.ofType(dataSource, PaymentCaptured.class);
        assertThat(replies).hasSize(2).allSatisfy(c -> assertThat(c.getAmount().getAmount()).isEqualTo(4990));
        assertThat(replies.get(1)).isEqualTo(replies.get(0));
        assertThat(paymentColumn("status")).isEqualTo("CAPTURED");
        assertThat(ledgerOperations()).containsExactlyInAnyOrder("AUTHORIZE", "CAPTURE");
    }

    @Test
    void refusesToCaptureADeclinedPayment() {
        send(authorize("sandbox_decline", 4990));

        assertThatThrownBy(() -> send(capture())).isInstanceOf(IllegalTransitionException.class);
        assertThat(paymentColumn("status")).isEqualTo("DECLINED");
    }

    @Test
    void voidAfterAuthorize() {
        send(authorize("sandbox_ok", 4990));
        String paymentId = only(PaymentAuthorized.class).getPaymentId();

        send(voidAuthorization());

        assertThat(only(AuthorizationVoided.class).getPaymentId()).isEqualTo(paymentId);
        assertThat(paymentColumn("status")).isEqualTo("VOIDED");
        assertThat(ledgerOperations()).containsExactlyInAnyOrder("AUTHORIZE", "VOID");
    }

    @Test
    void repliesVoidedWhenNothingWasAuthorized() {
        send(voidAuthorization());

        assertThat(only(AuthorizationVoided.class).getOrderId()).isEqualTo(orderId);
        assertThat(ledgerOperations()).isEmpty();
    }

    private void send(Message command) {
        IncomingMessage message = Stimulus.message(orderId, sagaId, command);
        runtime.transactions().inTransaction(message.envelope(), tx -> {
            payment.handler().handle(message, tx);
            return null;
        });
    }

    private AuthorizePayment authorize(String token, long amount) {
        return AuthorizePayment.newBuilder()
                .setOrderId(orderId)
                .setCustomerId("customer-1")
                .setAmount(Money.newBuilder().setAmount(amount).setCurrency("EUR"))
                .setPaymentToken(token)
                .build();
    }

    private CapturePayment capture() {
        return CapturePayment.newBuilder().setOrderId(orderId).build();
    }

    private VoidAuthorization voidAuthorization() {
        return VoidAuthorization.newBuilder().setOrderId(orderId).setReason("order rejected").build();
    }

    private static <T extends Message> T only(Class<T> type) {
        List<T> emitted = OutboxReader.ofType(dataSource, type);
        assertThat(emitted).hasSize(1);
        return emitted.get(0);
    }

    private String paymentColumn(String column) {
        return query("SELECT " + column + " FROM payment WHERE order_id = ?").stream().findFirst().orElse(null);
    }

    private String ledgerColumn(String column) {
        return query("SELECT " + column + " FROM sandbox_ledger WHERE order_id = ? AND operation = 'AUTHORIZE'").get(0);
    }

    private List<String> ledgerOperations() {
        return query("SELECT operation FROM sandbox_ledger WHERE order_id = ? ORDER BY created_at");
    }

    private List<String> query(String sql) {
        try (Connection c = dataSource.getConnection(); PreparedStatement select = c.prepareStatement(sql)) {
            select.setString(1, orderId);
            List<String> values = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    values.add(row.getString(1));
                }
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
