package dev.oms.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.oms.infra.SharedTestInfra;
import dev.oms.messaging.ServiceRuntime;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/** V2 on a database that already has stock and reservations from V1. */
class MovementsMigrationIT {

    @Test
    void backfillsSeedMovementsAndExpiryForExistingRows() throws SQLException {
        try (HikariDataSource dataSource = SharedTestInfra.freshDatabase("inventory_v2")
                .dataSource("inventory-v2", InventoryService.NAME, 2)) {
            Flyway.configure().dataSource(dataSource).schemas(InventoryService.NAME).defaultSchema(InventoryService.NAME)
                    .createSchemas(true).locations("classpath:db/inventory").target("1").load().migrate();
            execute(dataSource, """
                    INSERT INTO stock (sku, warehouse, on_hand, reserved) VALUES ('mug', 'north', 7, 2), ('tea', 'south', 0, 0);
                    INSERT INTO reservation (order_id, status, created_at, updated_at)
                    VALUES ('order-1', 'HELD', '2030-01-01T00:00:00Z', '2030-01-01T00:00:00Z'),
                           ('order-2', 'COMMITTED', '2030-01-01T00:00:00Z', '2030-01-01T00:00:00Z');
                    INSERT INTO reservation_line (order_id, sku, warehouse, quantity) VALUES ('order-1', 'mug', 'north', 2)""");

            try (ServiceRuntime runtime = new ServiceRuntime(InventoryService.NAME, dataSource, "127.0.0.1:9",
                    Clock.systemUTC())) {
                runtime.migrate();
            }

            assertThat(rows(dataSource, "SELECT sku || ':' || delta || ':' || reason FROM stock_movement ORDER BY sku"))
                    .containsExactly("mug:7:SEED", "tea:0:SEED");
            assertThat(rows(dataSource, "SELECT order_id || ':' || coalesce(extract(epoch FROM expires_at - updated_at)::int::text,"
                    + " '-') FROM reservation ORDER BY order_id")).containsExactly("order-1:900", "order-2:-");
            assertThat(rows(dataSource, "SELECT count(*) FROM stock_balance WHERE on_hand <> on_hand_by_movements"
                    + " OR reserved <> reserved_by_reservations")).containsExactly("0");
        }
    }

    private static void execute(HikariDataSource dataSource, String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement statement = c.createStatement()) {
            statement.execute(sql);
        }
    }

    private static List<String> rows(HikariDataSource dataSource, String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement statement = c.createStatement();
             ResultSet row = statement.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (row.next()) {
                values.add(row.getString(1));
            }
            return values;
        }
    }
}
