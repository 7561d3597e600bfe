package dev.oms.inventory.domain;

/** Units of one SKU moved for an order in one warehouse: positive taken out for it, negative put back on hand. */
public record StockMove(String sku, String warehouse, int quantity) {

    public StockMove {
        if (quantity == 0) {
            throw new IllegalArgumentException("a move of no units: " + sku + " in " + warehouse);
        }
    }

    /** The move that takes this one back. */
    public StockMove reversed() {
        return new StockMove(sku, warehouse, Math.negateExact(quantity));
    }
}
