package dev.oms.inventory.adapters;

import dev.oms.contracts.inventory.v1.AdjustOrderStock;
import dev.oms.contracts.inventory.v1.StockAdjusted;
import dev.oms.contracts.inventory.v1.StockChange;
import dev.oms.contracts.inventory.v1.StockUnavailable;
import dev.oms.inventory.api.StockLevel;
import dev.oms.inventory.domain.Availability;
import dev.oms.inventory.domain.EditDecision;
import dev.oms.inventory.domain.OrderEditPlanner;
import dev.oms.inventory.domain.QuantityChange;
import dev.oms.inventory.domain.Reservation;
import dev.oms.inventory.domain.ReservationStatus;
import dev.oms.inventory.domain.StockAdjustment;
import dev.oms.inventory.domain.StockMove;
import dev.oms.messaging.IncomingMessage;
import dev.oms.messaging.MessageHandler;
import dev.oms.messaging.TransactionContext;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Changes the units a committed order holds, for an order edit before shipping, once per operation: a repeat
 * re-replies what the first one moved. A refusal (not enough stock, no committed reservation) records nothing, so a
 * repeat decides again; an operation whose undo came first is refused for good. Putting back more than the order
 * holds is an error (the order service never asks it): the command is parked.
 */
final class AdjustOrderStockHandler implements MessageHandler {
    static final String WITHDRAWN = "the adjustment was withdrawn";

    private final StockTable stock;
    private final ReservationTable reservations;
    private final StockAdjustmentTable adjustments;
    private final OrderStockMover mover;

    AdjustOrderStockHandler(StockTable stock, ReservationTable reservations, StockAdjustmentTable adjustments,
                            OrderStockMover mover) {
        this.stock = stock;
        this.reservations = reservations;
        this.adjustments = adjustments;
        this.mover = mover;
    }

    @Override
    public void handle(IncomingMessage message, TransactionContext tx) throws SQLException {
        AdjustOrderStock command = message.payloadAs(AdjustOrderStock.class);
        String orderId = command.getOrderId();
        Optional<Reservation> reservation = reservations.findForUpdate(tx.connection(), orderId);
        Optional<StockAdjustment> recorded = adjustments.findForUpdate(tx.connection(), orderId, command.getOperationId());
        if (recorded.isPresent()) {
            if (recorded.get().status() == StockAdjustment.Status.APPLIED) {
                tx.publish(orderId, adjusted(command, recorded.get().moves()));
            } else {
                refuse(tx, command, skus(command), WITHDRAWN);
            }
        } else if (reservation.isEmpty()) {
            refuse(tx, command, skus(command), "order " + orderId + " holds no stock");
        } else if (reservation.get().status() != ReservationStatus.COMMITTED) {
            refuse(tx, command, skus(command), "only a committed order's stock can be adjusted; the reservation of order "
                    + orderId + " is " + reservation.get().status());
        } else {
            apply(tx, command, reservation.get());
        }
    }

    private void apply(TransactionContext tx, AdjustOrderStock command, Reservation reservation) throws SQLException {
        List<StockLevel> locked = stock.lockForUpdate(tx.connection(), skus(command));
        EditDecision decision = OrderEditPlanner.plan(reservation.lines(),
                command.getChangesList().stream().map(c -> new QuantityChange(c.getSku(), c.getQuantity())).toList(),
                locked.stream().map(l -> new Availability(l.sku(), l.warehouse(), l.available())).toList());
        if (decision instanceof EditDecision.Refused refused) {
            refuse(tx, command, refused.skus(), refused.reason());
            return;
        }
        List<StockMove> moves = ((EditDecision.Moved) decision).moves();
        mover.move(tx, reservation, moves, "order edit " + command.getOperationId());
        adjustments.insertApplied(tx.connection(), command.getOrderId(), command.getOperationId(), moves, tx.now());
        tx.publish(command.getOrderId(), adjusted(command, moves));
    }

    private static StockAdjusted adjusted(AdjustOrderStock command, List<StockMove> moves) {
        StockAdjusted.Builder reply = StockAdjusted.newBuilder()
                .setOrderId(command.getOrderId()).setOperationId(command.getOperationId());
        moves.forEach(m -> reply.addMovedBuilder().setSku(m.sku()).setWarehouse(m.warehouse()).setQuantity(m.quantity()));
        return reply.build();
    }

    private static void refuse(TransactionContext tx, AdjustOrderStock command, List<String> skus, String reason) {
        tx.publish(command.getOrderId(), StockUnavailable.newBuilder()
                .setOrderId(command.getOrderId()).addAllSkus(skus).setReason(reason).build());
    }

    private static List<String> skus(AdjustOrderStock command) {
        return command.getChangesList().stream().map(StockChange::getSku).distinct().toList();
    }
}
