package dev.oms.app.invariants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.zaxxer.hikari.HikariDataSource;
import dev.oms.cart.CartService;
import dev.oms.fulfillment.FulfillmentService;
import dev.oms.infra.DbConfig;
import dev.oms.infra.SharedTestInfra;
import dev.oms.inventory.InventoryService;
import dev.oms.messaging.SchemaMigrator;
import dev.oms.notification.NotificationService;
import dev.oms.order.OrderService;
import dev.oms.payment.PaymentService;
import dev.oms.payment.adapters.SandboxPaymentProvider;
import dev.oms.projections.ProjectionsService;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The cross-service promises that a cancellation racing the shipment once broke, checked on states built directly in
 * every service's tables: the broken state the race left (order CANCELLED, payment VOIDED, its PlaceOrder saga
 * COMPENSATED, and a shipment that went on to DELIVERED) is flagged; the states a correct platform leaves are not.
 */
class CancelledOrderInvariantsIT {
    private static final Set<String> RULES =
            Set.of("a live shipment was paid for", "a cancelled or rejected order gives everything back");
    private static HikariDataSource db;
    private static InvariantChecker checker;
    private String orderId;

    @BeforeAll
    static void migrateEveryService() {
        DbConfig config = SharedTestInfra.freshDatabase("cancelled_order_invariants");
        db = config.dataSource("cancelled-order-invariants", null, 2);
        for (String schema : new String[] {CartService.NAME, OrderService.NAME, InventoryService.NAME, PaymentService.NAME,
                FulfillmentService.NAME, NotificationService.NAME, ProjectionsService.NAME}) {
            try (HikariDataSource service = config.dataSource("migrate-" + schema, schema, 2)) {
                SchemaMigrator.migrate(service, schema,
                        OrderService.NAME.equals(schema) ? OrderService.COMPONENTS : new String[0]);
            }
        }
        try (HikariDataSource provider = config.dataSource("migrate-provider", null, 2)) {
            SandboxPaymentProvider.migrated(provider, Clock.systemUTC());
        }
        checker = new InvariantChecker(db);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @BeforeEach
    void newOrder() {
        orderId = UUID.randomUUID().toString();
    }

    @Test
    void flagsTheStateTheCancellationRaceLeft() throws SQLException {
        order("CANCELLED", "COMPENSATED");
        payment("VOIDED");
        reservation("RELEASED");
        shipment("DELIVERED");

        assertThat(checker.check()).extracting(Violation::invariant, Violation::detail).contains(
                tuple("a live shipment was paid for",
                        orderId + ": shipment sh-" + orderId + " is DELIVERED, payment VOIDED"),
                tuple("a cancelled or rejected order gives everything back",
                        orderId + " is CANCELLED but shipment sh-" + orderId + " is DELIVERED"));
    }

    @Test
    void flagsACancelledOrderThatStillHoldsStockAndAnAuthorization() throws SQLException {
        order("CANCELLED", "COMPENSATED");
        payment("AUTHORIZED");
        reservation("COMMITTED");

        assertThat(violationsOfThisOrder()).containsExactly(
                orderId + " is CANCELLED but payment is AUTHORIZED, stock is COMMITTED");
    }

    @Test
    void flagsAShipmentOfACompletedOrderWhosePaymentWasNeverCaptured() throws SQLException {
        order("FULFILLING", "COMPLETED");
        payment("AUTHORIZED");
        reservation("COMMITTED");
        shipment("SHIPPED");

        assertThat(violationsOfThisOrder()).containsExactly(
                orderId + ": shipment sh-" + orderId + " is SHIPPED, payment AUTHORIZED");
    }

    @Test
    void flagsAShipmentThatCouldNotBeCancelledEvenWhenAnOperatorWasAlerted() throws SQLException {
        order("CANCELLED", "COMPENSATION_FAILED");
        execute("UPDATE \"order\".saga_instance SET alert = 'create_shipment could not be undone' WHERE correlation_id = '"
                + orderId + "'");
        payment("VOIDED");
        reservation("RELEASED");
        shipment("SHIPPED");

        assertThat(violationsOfThisOrder()).containsExactly(
                orderId + ": shipment sh-" + orderId + " is SHIPPED, payment VOIDED");
    }

    @Test
    void acceptsAShipmentWhilePlacementIsStillCapturing() throws SQLException {
        order("FULFILLING", "RUNNING");
        payment("AUTHORIZED");
        reservation("HELD");
        shipment("PACKED");

        assertThat(violationsOfThisOrder()).isEmpty();
    }

    @Test
    void acceptsACompletedOrderThatWasPaidAndShipped() throws SQLException {
        order("DELIVERED", "COMPLETED");
        payment("CAPTURED");
        reservation("COMMITTED");
        shipment("DELIVERED");

        assertThat(violationsOfThisOrder()).isEmpty();
    }

    @Test
    void acceptsAnOrderCancelledWhileItsShipmentWasDecidedOnceEverythingWentBack() throws SQLException {
        order("CANCELLED", "COMPENSATED");
        payment("VOIDED");
        reservation("RELEASED");
        shipment("CANCELLED");

        assertThat(violationsOfThisOrder()).isEmpty();
    }

    @Test
    void acceptsACancelledOrderThatStillHoldsStockWhileItsCompensationWaitsForAnOperator() throws SQLException {
        order("CANCELLED", "COMPENSATION_FAILED");
        execute("UPDATE \"order\".saga_instance SET alert = 'compensation of reserve_stock unanswered' "
                + "WHERE correlation_id = '" + orderId + "'");
        payment("VOIDED");
        reservation("HELD");

        assertThat(violationsOfThisOrder()).isEmpty();
        assertThat(checker.openAlerts()).extracting(Violation::detail).anyMatch(d -> d.contains(orderId));
    }

    /** What the two rules under test say of this test's order (the ledger and notification rules have tests of their own). */
    private List<String> violationsOfThisOrder() {
        return checker.check().stream()
                .filter(v -> RULES.contains(v.invariant()) && v.detail().contains(orderId))
                .map(Violation::detail).toList();
    }

    private void order(String status, String sagaStatus) throws SQLException {
        String sagaId = "saga-" + orderId;
        execute("""
                INSERT INTO "order".orders (order_id, customer_id, status, total_amount, currency, saga_id, created_at,
                                            updated_at)
                VALUES ('%s', 'alice', '%s', 2500, 'EUR', '%s', now(), now())""".formatted(orderId, status, sagaId));
        execute("""
                INSERT INTO "order".saga_instance (saga_id, saga_type, correlation_id, status, current_step, version,
                                                   data, started_at, updated_at)
                VALUES ('%s', 'PlaceOrder', '%s', '%s', 3, 1, ''::bytea, now(), now())"""
                .formatted(sagaId, orderId, sagaStatus));
    }

    private void payment(String status) throws SQLException {
        execute("""
                INSERT INTO payment.payment (order_id, payment_id, status, amount, currency, created_at, updated_at)
                VALUES ('%s', 'p-%s', '%s', 2500, 'EUR', now(), now())""".formatted(orderId, orderId, status));
    }

    private void reservation(String status) throws SQLException {
        execute("""
                INSERT INTO inventory.reservation (order_id, status, created_at, updated_at, expires_at)
                VALUES ('%s', '%s', now(), now(), now() + interval '15 minutes')""".formatted(orderId, status));
    }

    private void shipment(String status) throws SQLException {
        execute("""
                INSERT INTO fulfillment.shipment (shipment_id, order_id, warehouse, status, ship_to_country, created_at,
                                                  updated_at)
                VALUES ('sh-%s', '%s', 'WH-EAST', '%s', 'DE', now(), now())""".formatted(orderId, orderId, status));
    }

    private static void execute(String sql) throws SQLException {
        try (Connection c = db.getConnection(); Statement statement = c.createStatement()) {
            statement.execute(sql);
        }
    }
}
