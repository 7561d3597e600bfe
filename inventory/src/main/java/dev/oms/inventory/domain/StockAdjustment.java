package dev.oms.inventory.domain;

import java.util.List;

/**
 * An order edit's stock adjustment, applied once per operation: what it moved while APPLIED; UNDONE once moved back,
 * or when its undo came first (then it never moved anything and never will).
 */
public record StockAdjustment(String orderId, String operationId, Status status, List<StockMove> moves) {

    public enum Status { APPLIED, UNDONE }

    public StockAdjustment {
        moves = List.copyOf(moves);
    }
}
