package dev.oms.inventory.api;

/** What operators can ask of the inventory service directly. */
public interface InventoryCommands {

    /**
     * Changes the units on hand of a SKU in a warehouse by {@code delta} (a count, a delivery, a write-off),
     * never below what is reserved; the warehouse row is created by a positive first adjustment.
     */
    AdjustResult adjust(String sku, String warehouse, long delta, String reason);
}
