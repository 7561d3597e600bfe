package dev.oms.payment;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Message;
import com.zaxxer.hikari.HikariDataSource;
import dev.oms.contracts.common.v1.Money;
import dev.oms.contracts.payment.v1.AuthorizePayment;
import dev.oms.infra.DbConfig;
import dev.oms.infra.SharedTestInfra;
import dev.oms.messaging.IncomingMessage;
import dev.oms.messaging.ServiceRuntime;
import dev.oms.messaging.testing.OutboxReader;
import dev.oms.messaging.testing.Stimulus;
import dev.oms.payment.adapters.SandboxConsole;
import dev.oms.payment.adapters.SandboxPaymentProvider;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** The payment service on a fresh database, its sandbox provider on a pool of its own; handlers driven directly. */
final class PaymentTestbed implements AutoCloseable {
    private final HikariDataSource dataSource;
    private final HikariDataSource providerPool;
    private final ServiceRuntime runtime;
    private final PaymentService payment;

    private PaymentTestbed(DbConfig db) {
        dataSource = db.dataSource("payment-it", PaymentService.NAME, 10);
        providerPool = db.dataSource("payment-provider-it", SandboxPaymentProvider.SCHEMA, 4);
        runtime = new ServiceRuntime(PaymentService.NAME, dataSource, "127.0.0.1:9", Clock.systemUTC());
        runtime.migrate();
        payment = PaymentService.register(runtime, SandboxPaymentProvider.migrated(providerPool, Clock.systemUTC()));
    }

    static PaymentTestbed start(String name) {
        return new PaymentTestbed(SharedTestInfra.freshDatabase(name));
    }

    static AuthorizePayment authorize(String orderId, String token, long amount) {
        return AuthorizePayment.newBuilder()
                .setOrderId(orderId)
                .setCustomerId("customer-1")
                .setAmount(Money.newBuilder().setAmount(amount).setCurrency("EUR"))
                .setPaymentToken(token)
                .build();
    }

    /** Delivers the command as a new message of the saga, as a saga's retry or a redelivery would. */
    void send(String orderId, String sagaId, Message command) {
        deliver(Stimulus.message(orderId, sagaId, command));
    }

    /** Applies the message in one transaction, as the consumer does on each of its attempts. */
    void deliver(IncomingMessage message) {
        runtime.transactions().inTransaction(message.envelope(), tx -> {
            payment.handler().handle(message, tx);
            return null;
        });
    }

    /** The sandbox's console on its books: decides pending authorizations and signs their webhooks. */
    SandboxConsole console() {
        return new SandboxConsole(providerPool, PaymentService.webhookSecret(), Clock.systemUTC());
    }

    ServiceRuntime runtime() {
        return runtime;
    }

    PaymentService payment() {
        return payment;
    }

    void forgetEmitted() {
        OutboxReader.clear(dataSource);
    }

    List<OutboxReader.Emitted> emitted() {
        return OutboxReader.all(dataSource);
    }

    <T extends Message> List<T> emitted(Class<T> type) {
        return OutboxReader.ofType(dataSource, type);
    }

    <T extends Message> T only(Class<T> type) {
        List<T> emitted = emitted(type);
        assertThat(emitted).hasSize(1);
        return emitted.get(0);
    }

    String paymentColumn(String orderId, String column) {
        return query("SELECT " + column + " FROM payment WHERE order_id = ?", orderId).stream().findFirst().orElse(null);
    }

    /** The operations the provider booked for the order, oldest first. */
    List<String> ledgerOperations(String orderId) {
        return query("SELECT operation FROM payment_provider.ledger WHERE order_id = ? ORDER BY created_at, operation",
                orderId);
    }

    /** Every call the provider received for the order, as operation:outcome, oldest first. */
    List<String> attempts(String orderId) {
        return query("SELECT operation || ':' || outcome FROM payment_provider.attempt WHERE order_id = ? ORDER BY id",
                orderId);
    }

    /** The first column of every row, the order id bound to the only parameter. */
    List<String> query(String sql, String orderId) {
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

    @Override
    public void close() {
        runtime.close();
        dataSource.close();
        providerPool.close();
    }
}
