package dev.oms.inventory.adapters;

import dev.oms.contracts.inventory.v1.ReserveStock;
import dev.oms.contracts.inventory.v1.StockUnavailable;
import dev.oms.inventory.api.StockLevel;
import dev.oms.inventory.domain.Allocation;
import dev.oms.inventory.domain.AllocationDecision;
import dev.oms.inventory.domain.AllocationDecision.Allocated;
import dev.oms.inventory.domain.AllocationDecision.Refused;
import dev.oms.inventory.domain.Allocator;
import dev.oms.inventory.domain.Availability;
import dev.oms.inventory.domain.RequestedLine;
import dev.oms.inventory.domain.Reservation;
import dev.oms.messaging.IncomingMessage;
import dev.oms.messaging.MessageHandler;
import dev.oms.messaging.TransactionContext;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

/**
 * Holds stock for an order, for the reservation's time to live. A repeat for an order that already holds stock
 * re-replies the same allocation; a refusal leaves no row, so a repeat simply decides again.
 */
final class ReserveStockHandler implements MessageHandler {
    private final StockTable stock;
    private final ReservationTable reservations;
    private final Duration ttl;
    private final int stockReservedVersion;

    ReserveStockHandler(StockTable stock, ReservationTable reservations, Duration ttl, int stockReservedVersion) {
        this.stock = stock;
        this.reservations = reservations;
        this.ttl = ttl;
        this.stockReservedVersion = stockReservedVersion;
    }

    @Override
    public void handle(IncomingMessage message, TransactionContext tx) throws SQLException {
        ReserveStock command = message.payloadAs(ReserveStock.class);
        String orderId = command.getOrderId();
        var existing = reservations.findForUpdate(tx.connection(), orderId);
        if (existing.isPresent()) {
            tx.publish(orderId, InventoryEvents.stockReserved(stockReservedVersion, orderId, existing.get().lines()));
            return;
        }
        List<RequestedLine> requested = command.getItemsList().stream()
                .map(item -> new RequestedLine(item.getSku(), item.getQuantity())).toList();
        List<StockLevel> locked = stock.lockForUpdate(tx.connection(),
                requested.stream().map(RequestedLine::sku).distinct().toList());
        AllocationDecision decision = Allocator.decide(requested, locked.stream()
                .map(s -> new Availability(s.sku(), s.warehouse(), s.available())).toList());
        if (decision instanceof Allocated allocated) {
            hold(tx, Reservation.held(orderId, allocated.allocations()));
        } else {
            Refused refused = (Refused) decision;
            tx.publish(orderId, StockUnavailable.newBuilder()
                    .setOrderId(orderId).addAllSkus(refused.skus()).setReason(refused.reason()).build());
        }
    }

    private void hold(TransactionContext tx, Reservation reservation) throws SQLException {
        Connection c = tx.connection();
        reservations.insert(c, reservation, tx.now(), tx.now().plus(ttl));
        tx.publish(reservation.orderId(), InventoryEvents.stockReserved(stockReservedVersion, reservation.orderId(), reservation.lines()));
        for (Allocation line : reservation.lines()) {
            InventoryEvents.publishLevel(tx, stock.reserve(c, line.sku(), line.warehouse(), line.quantity()));
        }
    }
}
