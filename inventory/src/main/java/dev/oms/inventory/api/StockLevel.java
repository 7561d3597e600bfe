package dev.oms.inventory.api;

/** The stock of one SKU in one warehouse: units on hand, units reserved for orders, and what is left to sell. */
public record StockLevel(String sku, String warehouse, long onHand, long reserved) {

    public long available() {
        return onHand - reserved;
    }
}
