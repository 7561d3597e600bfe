package dev.oms.projections.api;

import java.time.Instant;
import java.util.List;

/**
 * A return of an order: status REQUESTED, RECEIVED, REFUNDED or CANCELLED, its lines (restockable and damaged once
 * received) and the refund once made (else null).
 */
public record ReturnView(String id, String orderId, String customerId, String status, String reason,
                         List<ReturnLineView> lines, Money refund, String note, Instant requestedAt, Instant updatedAt) {

    public ReturnView {
        lines = List.copyOf(lines);
    }

    public record ReturnLineView(String sku, int quantity, Money unitPrice, int restockable, int damaged) {}
}
