package dev.oms.cart.adapters;

import dev.oms.cart.api.Address;
import dev.oms.cart.api.CartLineView;
import dev.oms.cart.api.CartView;
import dev.oms.cart.api.CatalogItem;
import dev.oms.cart.api.Money;
import dev.oms.cart.domain.CartStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Carts, lines, catalog and checkouts in the cart schema; every method runs on the caller's connection. */
public final class CartRepository {

    /** A recorded checkout: which cart the idempotency key was used for and the order it placed. */
    public record Checkout(UUID cartId, UUID orderId) {}

    /** A cart row as stored: id, owner, currency and status. */
    public record CartRow(UUID id, String customerId, String currency, CartStatus status, Address shippingAddress) {}

    public void insertCart(Connection c, UUID id, String customerId, String currency, Instant now) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("""
                INSERT INTO cart (cart_id, customer_id, currency, status, created_at, updated_at)
                VALUES (?, ?, ?, 'OPEN', ?, ?)""")) {
            insert.setObject(1, id);
            insert.setString(2, customerId);
            insert.setString(3, currency);
            insert.setTimestamp(4, Timestamp.from(now));
            insert.setTimestamp(5, Timestamp.from(now));
            insert.executeUpdate();
        }
    }

    /** Loads a cart; with {@code lock} the row stays locked until the transaction ends. */
    public Optional<CartRow> findCart(Connection c, UUID id, boolean lock) throws SQLException {
        String sql = """
                SELECT customer_id, currency, status, ship_name, ship_line1, ship_city, ship_postal_code, ship_country
                FROM cart WHERE cart_id = ?""" + (lock ? " FOR UPDATE" : "");
        try (PreparedStatement select = c.prepareStatement(sql)) {
            select.setObject(1, id);
            try (ResultSet row = select.executeQuery()) {
                return row.next()
                        ? Optional.of(new CartRow(id, row.getString(1), row.getString(2), CartStatus.valueOf(row.getString(3)),
                                row.getString(4) == null ? null : new Address(row.getString(4), row.getString(5),
                                        row.getString(6), row.getString(7), row.getString(8))))
                        : Optional.empty();
            }
        }
    }

    public void addQuantity(Connection c, UUID cartId, String sku, int quantity, Instant now) throws SQLException {
        try (PreparedStatement upsert = c.prepareStatement("""
                INSERT INTO cart_line (cart_id, sku, quantity) VALUES (?, ?, ?)
                ON CONFLICT (cart_id, sku) DO UPDATE SET quantity = cart_line.quantity + excluded.quantity""");
             PreparedStatement touch = c.prepareStatement("UPDATE cart SET updated_at = ? WHERE cart_id = ?")) {
            upsert.setObject(1, cartId);
            upsert.setString(2, sku);
            upsert.setInt(3, quantity);
            upsert.executeUpdate();
            touch.setTimestamp(1, Timestamp.from(now));
            touch.setObject(2, cartId);
            touch.executeUpdate();
        }
    }

    /** Sets a line's quantity; false when the cart has no line for the SKU. */
    public boolean setQuantity(Connection c, UUID cartId, String sku, int quantity) throws SQLException {
        String sql = quantity == 0 ? "DELETE FROM cart_line WHERE cart_id = ? AND sku = ?"
                : "UPDATE cart_line SET quantity = ? WHERE cart_id = ? AND sku = ?";
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            int i = 1;
            if (quantity != 0) {
                statement.setInt(i++, quantity);
            }
            statement.setObject(i++, cartId);
            statement.setString(i, sku);
            return statement.executeUpdate() == 1;
        }
    }

    public void setShippingAddress(Connection c, UUID cartId, Address a, Instant now) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("""
                UPDATE cart SET ship_name = ?, ship_line1 = ?, ship_city = ?, ship_postal_code = ?, ship_country = ?,
                                updated_at = ? WHERE cart_id = ?""")) {
            update.setString(1, a.name());
            update.setString(2, a.line1());
            update.setString(3, a.city());
            update.setString(4, a.postalCode());
            update.setString(5, a.country());
            update.setTimestamp(6, Timestamp.from(now));
            update.setObject(7, cartId);
            update.executeUpdate();
        }
    }

    public void markCheckedOut(Connection c, UUID cartId, Instant now) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE cart SET status = 'CHECKED_OUT', updated_at = ? WHERE cart_id = ?")) {
            update.setTimestamp(1, Timestamp.from(now));
            update.setObject(2, cartId);
            update.executeUpdate();
        }
    }

    public CartView view(Connection c, CartRow cart) throws SQLException {
        List<CartLineView> lines = new ArrayList<>();
        Money total = new Money(0, cart.currency());
        try (PreparedStatement select = c.prepareStatement("""
                SELECT l.sku, p.name, l.quantity, p.price_amount, p.currency
                FROM cart_line l JOIN product p ON p.sku = l.sku WHERE l.cart_id = ? ORDER BY l.sku""")) {
            select.setObject(1, cart.id());
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    Money unitPrice = new Money(row.getLong(4), row.getString(5));
                    Money lineTotal = unitPrice.times(row.getInt(3));
                    lines.add(new CartLineView(row.getString(1), row.getString(2), row.getInt(3), unitPrice, lineTotal));
                    total = total.plus(lineTotal);
                }
            }
        }
        return new CartView(cart.id().toString(), cart.customerId(), cart.currency(), cart.status().name(), lines, total,
                cart.shippingAddress());
    }

    public Map<String, CatalogItem> products(Connection c, Collection<String> skus) throws SQLException {
        Map<String, CatalogItem> found = new HashMap<>();
        try (PreparedStatement select = c.prepareStatement(
                "SELECT sku, name, price_amount, currency FROM product WHERE sku = ANY (?)")) {
            select.setArray(1, c.createArrayOf("text", skus.toArray()));
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    found.put(row.getString(1), new CatalogItem(row.getString(1), row.getString(2),
                            new Money(row.getLong(3), row.getString(4))));
                }
            }
        }
        return found;
    }

    /** Inserts the item unless its SKU is listed already; true when it was inserted. */
    public boolean insertProductIfAbsent(Connection c, CatalogItem item) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("""
                INSERT INTO product (sku, name, price_amount, currency) VALUES (?, ?, ?, ?)
                ON CONFLICT (sku) DO NOTHING""")) {
            insert.setString(1, item.sku());
            insert.setString(2, item.name());
            insert.setLong(3, item.price().amount());
            insert.setString(4, item.price().currency());
            return insert.executeUpdate() == 1;
        }
    }

    public Optional<Checkout> findCheckout(Connection c, String idempotencyKey) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "SELECT cart_id, order_id FROM checkout WHERE idempotency_key = ?")) {
            select.setString(1, idempotencyKey);
            try (ResultSet row = select.executeQuery()) {
                return row.next()
                        ? Optional.of(new Checkout(row.getObject(1, UUID.class), row.getObject(2, UUID.class)))
                        : Optional.empty();
            }
        }
    }

    public void insertCheckout(Connection c, String idempotencyKey, UUID cartId, UUID orderId, Instant now)
            throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO checkout (idempotency_key, cart_id, order_id, created_at) VALUES (?, ?, ?, ?)")) {
            insert.setString(1, idempotencyKey);
            insert.setObject(2, cartId);
            insert.setObject(3, orderId);
            insert.setTimestamp(4, Timestamp.from(now));
            insert.executeUpdate();
        }
    }
}
