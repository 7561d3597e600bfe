package dev.oms.projections.catalog;

import dev.oms.contracts.Envelope;
import dev.oms.contracts.cart.v1.ProductListed;
import dev.oms.contracts.inventory.v1.StockLevelChanged;
import dev.oms.projections.internal.EventRoutes;
import dev.oms.projections.internal.Jdbc;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Products and their availability. Both handlers lock the sku first: availability is a sum over warehouses whose
 * stock levels may be applied by concurrent consumers, and each must see the other's committed row.
 */
final class ProductProjector {
    private static final String LOCK_NAMESPACE = "product";
    private static final String AVAILABLE = "(SELECT COALESCE(SUM(available), 0) FROM stock_view WHERE sku = ?)";

    private ProductProjector() {}

    static void routeTo(EventRoutes routes) {
        routes.on(ProductListed.getDefaultInstance(), ProductProjector::listed)
                .on(StockLevelChanged.getDefaultInstance(), ProductProjector::stockChanged);
    }

    static void listed(ProductListed event, Envelope envelope, Connection c) throws SQLException {
        Jdbc.lockKey(c, LOCK_NAMESPACE, event.getSku());
        Jdbc.update(c, """
                INSERT INTO product_view (sku, name, price_amount, price_currency, available)
                VALUES (?, ?, ?, ?, %s)
                ON CONFLICT (sku) DO UPDATE SET
                    name = excluded.name, price_amount = excluded.price_amount,
                    price_currency = excluded.price_currency, available = excluded.available""".formatted(AVAILABLE),
                event.getSku(), event.getName(), event.getPrice().getAmount(), event.getPrice().getCurrency(),
                event.getSku());
    }

    /** A stock level older than the one kept for that warehouse (a redelivery) is ignored. */
    static void stockChanged(StockLevelChanged event, Envelope envelope, Connection c) throws SQLException {
        Jdbc.lockKey(c, LOCK_NAMESPACE, event.getSku());
        Jdbc.update(c, """
                INSERT INTO stock_view (sku, warehouse, on_hand, reserved, available, updated_at)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (sku, warehouse) DO UPDATE SET
                    on_hand = excluded.on_hand, reserved = excluded.reserved, available = excluded.available,
                    updated_at = excluded.updated_at
                WHERE stock_view.updated_at <= excluded.updated_at""",
                event.getSku(), event.getWarehouse(), event.getOnHand(), event.getReserved(), event.getAvailable(),
                envelope.occurredAt());
        Jdbc.update(c, "UPDATE product_view SET available = %s WHERE sku = ?".formatted(AVAILABLE),
                event.getSku(), event.getSku());
    }
}
