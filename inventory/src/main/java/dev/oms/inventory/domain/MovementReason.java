package dev.oms.inventory.domain;

/** Why units on hand changed: every change is one stock movement, so on hand is the sum of its movements. */
public enum MovementReason {
    /** Initial stock of a warehouse row. */
    SEED,
    /** An operator's correction: a count, a delivery, a write-off. */
    ADJUST,
    /** Units left the warehouse for an order. */
    COMMIT,
    /** Units of a cancelled order came back. */
    RESTOCK,
    /** Units a customer sent back, judged restockable when the warehouse received them. */
    RETURN
}
