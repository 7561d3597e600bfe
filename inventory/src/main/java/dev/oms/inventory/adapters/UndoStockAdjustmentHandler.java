package dev.oms.inventory.adapters;

import dev.oms.contracts.inventory.v1.StockAdjustmentUndone;
import dev.oms.contracts.inventory.v1.UndoStockAdjustment;
import dev.oms.inventory.api.StockLevel;
import dev.oms.inventory.domain.Reservation;
import dev.oms.inventory.domain.ReservationLostException;
import dev.oms.inventory.domain.ReservationStatus;
import dev.oms.inventory.domain.StockAdjustment;
import dev.oms.inventory.domain.StockMove;
import dev.oms.messaging.IncomingMessage;
import dev.oms.messaging.MessageHandler;
import dev.oms.messaging.TransactionContext;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Moves an order edit's units back exactly, once: what it took is restocked, what it put back is taken again. Always
 * replies StockAdjustmentUndone, because the compensating saga waits for it whether or not the edit ever applied; an
 * undo that comes first withdraws the operation, so its late AdjustOrderStock moves nothing. Put-back units sold in
 * the meantime are not oversold: ReservationLostException parks the command for an operator.
 */
final class UndoStockAdjustmentHandler implements MessageHandler {
    private final StockTable stock;
    private final ReservationTable reservations;
    private final StockAdjustmentTable adjustments;
    private final OrderStockMover mover;

    UndoStockAdjustmentHandler(StockTable stock, ReservationTable reservations, StockAdjustmentTable adjustments,
                               OrderStockMover mover) {
        this.stock = stock;
        this.reservations = reservations;
        this.adjustments = adjustments;
        this.mover = mover;
    }

    @Override
    public void handle(IncomingMessage message, TransactionContext tx) throws SQLException {
        UndoStockAdjustment command = message.payloadAs(UndoStockAdjustment.class);
        String orderId = command.getOrderId();
        Optional<Reservation> reservation = reservations.findForUpdate(tx.connection(), orderId);
        Optional<StockAdjustment> recorded = adjustments.findForUpdate(tx.connection(), orderId, command.getOperationId());
        if (recorded.isEmpty()) {
            adjustments.insertWithdrawn(tx.connection(), orderId, command.getOperationId(), command.getReason(), tx.now());
        } else if (recorded.get().status() == StockAdjustment.Status.APPLIED) {
            // a released order gave back every unit it held, the edit's included: nothing of the edit is left to move
            if (reservation.isPresent() && reservation.get().status() == ReservationStatus.COMMITTED) {
                moveBack(tx, reservation.get(), recorded.get());
            }
            adjustments.markUndone(tx.connection(), orderId, command.getOperationId(), command.getReason(), tx.now());
        }
        tx.publish(orderId, StockAdjustmentUndone.newBuilder()
                .setOrderId(orderId).setOperationId(command.getOperationId()).build());
    }

    private void moveBack(TransactionContext tx, Reservation reservation, StockAdjustment adjustment)
            throws SQLException {
        List<StockMove> back = adjustment.moves().stream().map(StockMove::reversed).toList();
        Map<String, StockLevel> levels = stock.lockForUpdate(tx.connection(),
                        back.stream().map(StockMove::sku).distinct().toList())
                .stream().collect(Collectors.toMap(l -> l.sku() + "@" + l.warehouse(), Function.identity()));
        for (StockMove retake : back) {
            StockLevel level = levels.get(retake.sku() + "@" + retake.warehouse());
            long available = level == null ? 0 : level.available();
            if (retake.quantity() > 0 && available < retake.quantity()) {
                throw ReservationLostException.undoingEdit(reservation.orderId(), adjustment.operationId(), retake,
                        available);
            }
        }
        mover.move(tx, reservation, back, "undo of order edit " + adjustment.operationId());
    }
}
