package dev.oms.inventory.adapters;

import com.google.protobuf.Message;
import dev.oms.contracts.MessageTypes;
import dev.oms.contracts.inventory.v1.AdjustOrderStock;
import dev.oms.contracts.inventory.v1.CommitStock;
import dev.oms.contracts.inventory.v1.RestockReturn;
import dev.oms.contracts.inventory.v1.ReleaseStock;
import dev.oms.contracts.inventory.v1.ReserveStock;
import dev.oms.contracts.inventory.v1.UndoStockAdjustment;
import dev.oms.inventory.api.InventoryConfig;
import dev.oms.messaging.IncomingMessage;
import dev.oms.messaging.MessageHandler;
import dev.oms.messaging.TransactionContext;
import java.util.Map;
import java.util.Set;

/** Routes each inventory command to its handler. */
public final class InventoryCommandHandler implements MessageHandler {
    private final Map<String, MessageHandler> handlers;

    public InventoryCommandHandler(StockTable stock, ReservationTable reservations, InventoryConfig config) {
        StockAdjustmentTable adjustments = new StockAdjustmentTable();
        OrderStockMover mover = new OrderStockMover(stock, reservations);
        handlers = Map.of(
                type(ReserveStock.getDefaultInstance()), new ReserveStockHandler(stock, reservations,
                        config.reservationTtl(), config.stockReservedVersion()),
                type(ReleaseStock.getDefaultInstance()), new ReleaseStockHandler(stock, reservations),
                type(CommitStock.getDefaultInstance()), new CommitStockHandler(stock, reservations),
                type(RestockReturn.getDefaultInstance()), new RestockReturnHandler(stock),
                type(AdjustOrderStock.getDefaultInstance()),
                new AdjustOrderStockHandler(stock, reservations, adjustments, mover),
                type(UndoStockAdjustment.getDefaultInstance()),
                new UndoStockAdjustmentHandler(stock, reservations, adjustments, mover));
    }

    /** The command types this handler applies: the types its subscription asks for. */
    public Set<String> types() {
        return handlers.keySet();
    }

    @Override
    public void handle(IncomingMessage message, TransactionContext tx) throws Exception {
        MessageHandler handler = handlers.get(message.type());
        if (handler == null) {
            throw new IllegalArgumentException("inventory does not handle " + message.type());
        }
        handler.handle(message, tx);
    }

    private static String type(Message prototype) {
        return MessageTypes.typeOf(prototype);
    }
}
