package dev.oms.inventory.adapters;

import dev.oms.contracts.inventory.v1.RestockLine;
import dev.oms.contracts.inventory.v1.RestockReturn;
import dev.oms.contracts.inventory.v1.StockRestocked;
import dev.oms.inventory.domain.MovementReason;
import dev.oms.messaging.IncomingMessage;
import dev.oms.messaging.MessageHandler;
import dev.oms.messaging.TransactionContext;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;

/**
 * Puts a return's restockable units back on hand, each in the warehouse that received it (movement RETURN), once per
 * return: the first RestockReturn of a return books it, a repeat (a redelivery, a saga's retry) only replies. Damaged
 * units never reach this service. The units of a partly shipped order's cancelled rest come back the same way, as a
 * RESTOCK (they never left).
 */
final class RestockReturnHandler implements MessageHandler {
    static final String CANCELLED_REST = "CANCELLED_REST";
    private final StockTable stock;

    RestockReturnHandler(StockTable stock) {
        this.stock = stock;
    }

    @Override
    public void handle(IncomingMessage message, TransactionContext tx) throws SQLException {
        RestockReturn command = message.payloadAs(RestockReturn.class);
        int units = command.getLinesList().stream().mapToInt(RestockLine::getQuantity).sum();
        boolean cancelledRest = CANCELLED_REST.equals(command.getCause());
        if (firstTime(tx, command, units)) {
            for (RestockLine line : command.getLinesList()) {
                if (line.getQuantity() > 0) {
                    InventoryEvents.publishLevel(tx, stock.restockOperation(tx.connection(), line.getSku(),
                            line.getWarehouse(), line.getQuantity(), command.getOrderId(), cancelledRest
                                    ? MovementReason.RESTOCK : MovementReason.RETURN,
                            (cancelledRest ? "cancelled rest " : "return ") + command.getReturnId(), tx.now()));
                }
            }
        }
        tx.publish(command.getOrderId(), StockRestocked.newBuilder().setReturnId(command.getReturnId())
                .setOrderId(command.getOrderId()).setUnits(units).build());
    }

    private static boolean firstTime(TransactionContext tx, RestockReturn command, int units) throws SQLException {
        try (PreparedStatement insert = tx.connection().prepareStatement("""
                INSERT INTO return_restock (return_id, order_id, units, restocked_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (return_id) DO NOTHING""")) {
            insert.setString(1, command.getReturnId());
            insert.setString(2, command.getOrderId());
            insert.setInt(3, units);
            insert.setTimestamp(4, Timestamp.from(tx.now()));
            return insert.executeUpdate() == 1;
        }
    }
}
