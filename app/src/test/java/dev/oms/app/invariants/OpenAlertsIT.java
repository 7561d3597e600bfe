package dev.oms.app.invariants;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.oms.infra.DbConfig;
import dev.oms.infra.SharedTestInfra;
import dev.oms.inventory.InventoryService;
import dev.oms.messaging.SchemaMigrator;
import dev.oms.order.OrderService;
import dev.oms.payment.PaymentService;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code oms doctor --invariants} names the sagas that wait for an operator and what their orders still hold. */
class OpenAlertsIT {
    private static HikariDataSource db;

    @BeforeAll
    static void migrate() {
        DbConfig config = SharedTestInfra.freshDatabase("open_alerts");
        db = config.dataSource("open-alerts", null, 2);
        for (String schema : new String[] {OrderService.NAME, InventoryService.NAME, PaymentService.NAME}) {
            try (HikariDataSource service = config.dataSource("migrate-" + schema, schema, 2)) {
                SchemaMigrator.migrate(service, schema, OrderService.NAME.equals(schema) ? OrderService.COMPONENTS
                        : new String[0]);
            }
        }
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void listsAFailedCompensationWithTheStockAndMoneyItStillHolds() throws SQLException {
        saga("s-failed", "o-failed", "COMPENSATION_FAILED", "'compensation of reserve_stock unanswered after 5 attempts'");
        execute("""
                INSERT INTO inventory.reservation (order_id, status, created_at, updated_at, expires_at)
                VALUES ('o-failed', 'HELD', now(), now(), now() + interval '15 minutes')""");
        execute("""
                INSERT INTO payment.payment (order_id, payment_id, status, amount, currency, created_at, updated_at)
                VALUES ('o-failed', 'p-failed', 'AUTHORIZED', 1500, 'EUR', now(), now())""");
        saga("s-fine", "o-fine", "COMPLETED", "'capture_payment: retry budget of 8 attempts spent'");
        saga("s-running", "o-running", "RUNNING", "NULL");

        assertThat(new InvariantChecker(db).openAlerts()).extracting(Violation::detail).containsExactly(
                "PlaceOrder s-failed is COMPENSATION_FAILED (order o-failed): compensation of reserve_stock unanswered"
                        + " after 5 attempts; still held: stock (reservation HELD), payment AUTHORIZED");
    }

    private static void saga(String sagaId, String orderId, String status, String alert) throws SQLException {
        execute("""
                INSERT INTO "order".saga_instance (saga_id, saga_type, correlation_id, status, current_step, version,
                                                   data, started_at, updated_at, alert)
                VALUES ('%s', 'PlaceOrder', '%s', '%s', 0, 1, ''::bytea, now(), now(), %s)"""
                .formatted(sagaId, orderId, status, alert));
    }

    private static void execute(String sql) throws SQLException {
        try (Connection c = db.getConnection(); Statement statement = c.createStatement()) {
            statement.execute(sql);
        }
    }
}
