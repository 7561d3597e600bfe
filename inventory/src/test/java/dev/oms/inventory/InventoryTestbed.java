package dev.oms.inventory;

import com.google.protobuf.Message;
import com.zaxxer.hikari.HikariDataSource;
import dev.oms.contracts.inventory.v1.CommitStock;
import dev.oms.contracts.inventory.v1.ReleaseStock;
import dev.oms.contracts.inventory.v1.ReserveStock;
import dev.oms.contracts.inventory.v1.StockItem;
import dev.oms.infra.SharedTestInfra;
import dev.oms.inventory.api.InventoryConfig;
import dev.oms.inventory.api.StockLevel;
import dev.oms.messaging.IncomingMessage;
import dev.oms.messaging.ServiceRuntime;
import dev.oms.messaging.testing.OutboxReader;
import dev.oms.messaging.testing.OutboxReader.Emitted;
import dev.oms.messaging.testing.Stimulus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** The inventory service on a fresh database and a given clock; handlers and the expiry job driven directly. */
final class InventoryTestbed implements AutoCloseable {
    private final HikariDataSource dataSource;
    private final ServiceRuntime runtime;
    private final InventoryService inventory;

    InventoryTestbed(String name, Clock clock, InventoryConfig config) {
        dataSource = SharedTestInfra.freshDatabase(name).dataSource(name, InventoryService.NAME, 6);
        runtime = new ServiceRuntime(InventoryService.NAME, dataSource, "127.0.0.1:9", clock);
        runtime.migrate();
        inventory = InventoryService.register(runtime, config);
    }

    static ReserveStock reserve(String orderId, String sku, int quantity) {
        return ReserveStock.newBuilder().setOrderId(orderId)
                .addItems(StockItem.newBuilder().setSku(sku).setQuantity(quantity)).build();
    }

    static CommitStock commit(String orderId) {
        return CommitStock.newBuilder().setOrderId(orderId).build();
    }

    static ReleaseStock release(String orderId) {
        return ReleaseStock.newBuilder().setOrderId(orderId).setReason("customer cancelled").build();
    }

    InventoryService inventory() {
        return inventory;
    }

    HikariDataSource dataSource() {
        return dataSource;
    }

    /** Handles the command in one transaction, as the consumer does. */
    void send(String orderId, Message command) {
        IncomingMessage message = Stimulus.message(orderId, "saga-" + orderId, command);
        runtime.transactions().inTransaction(message.envelope(), tx -> {
            inventory.handler().handle(message, tx);
            return null;
        });
    }

    StockLevel level(String sku, String warehouse) {
        return inventory.levels(sku).stream().filter(l -> l.warehouse().equals(warehouse)).findFirst().orElseThrow();
    }

    String reservationStatus(String orderId) {
        return query("SELECT status FROM reservation WHERE order_id = ?", orderId).stream().findFirst().orElse(null);
    }

    /** The SKU's stock movements, oldest first, as reason:delta. */
    List<String> movements(String sku) {
        return query("SELECT reason || ':' || delta FROM stock_movement WHERE sku = ? ORDER BY id", sku);
    }

    void forgetEmitted() {
        OutboxReader.clear(dataSource);
    }

    List<Emitted> emitted() {
        return OutboxReader.all(dataSource);
    }

    <T extends Message> List<T> emitted(Class<T> type) {
        return OutboxReader.ofType(dataSource, type);
    }

    /** The first column of every row. */
    List<String> query(String sql, String... parameters) {
        try (Connection c = dataSource.getConnection(); PreparedStatement select = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setString(i + 1, parameters[i]);
            }
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
    }
}
