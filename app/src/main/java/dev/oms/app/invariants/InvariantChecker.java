package dev.oms.app.invariants;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Checks the promises of the platform across every service's schema: nothing lost, nothing done twice,
 * nothing oversold, every saga ended. It reads other services' tables on purpose: it is an operator's
 * tool, not a service. Each rule is one query returning the rows that break it. The payment provider's books are
 * read from the platform's database, or from a database of their own when the provider lives outside the region
 * (OMS_PAYMENT_PROVIDER_DB_URL): then they are copied into a temporary table for the check.
 */
public final class InvariantChecker {
    private static final int SHOWN = 5;
    /** The provider's ledger as the rules name it, and its copy when the books live in a database of their own. */
    private static final String LEDGER = "payment_provider.ledger";
    private static final String COPIED_LEDGER = "pg_temp.provider_ledger";
    /**
     * The services whose outbox and dead letters the rules read as {@code every_service.outbox} and
     * {@code every_service.dead_letter}: those of them deployed in this database (webhooks is optional).
     */
    private static final List<String> SERVICES = List.of("cart", "order", "inventory", "payment", "fulfillment",
            "notification", "projections", "webhooks");
    /** Those tables, and the columns of them the rules read. */
    private static final Map<String, String> PER_SERVICE_TABLES = Map.of("outbox", "occurred_at", "dead_letter", "type");

    private static final List<Rule> QUIESCENT = List.of(
            // A return waiting for the customer's parcel is not work in flight: it may wait for weeks.
            new Rule("every saga ended", """
                    SELECT saga_type || ' ' || saga_id || ' is ' || status FROM "order".saga_instance s
                    WHERE status NOT IN ('COMPLETED', 'COMPENSATED')
                      AND NOT (status = 'COMPENSATION_FAILED' AND alert IS NOT NULL)
                      AND NOT (saga_type = 'ReturnOrder' AND status = 'RUNNING'
                               AND EXISTS (SELECT 1 FROM "order".order_return r
                                           WHERE r.saga_id = s.saga_id AND r.status = 'REQUESTED'))"""),
            new Rule("every order settled", """
                    SELECT order_id || ' is ' || status FROM "order".orders WHERE status IN ('PENDING', 'CONFIRMED')"""),
            new Rule("no message waits in an outbox for more than a minute", """
                    SELECT service || ': ' || count(*) || ' messages, oldest from ' || min(occurred_at)
                    FROM every_service.outbox o GROUP BY service
                    HAVING min(occurred_at) < now() - interval '1 minute'"""));

    private static final List<Rule> ALWAYS = List.of(
            new Rule("no checkout lost", """
                    SELECT 'checkout ' || c.idempotency_key || ' has no order ' || c.order_id FROM cart.checkout c
                    LEFT JOIN "order".orders o ON o.order_id = c.order_id
                    WHERE o.order_id IS NULL AND c.created_at < now() - interval '30 seconds'"""),
            new Rule("one PlaceOrder saga per order", """
                    SELECT correlation_id || ' has ' || count(*) FROM "order".saga_instance
                    WHERE saga_type = 'PlaceOrder' GROUP BY correlation_id HAVING count(*) > 1"""),
            // An order is captured once at placement and once per edit that raised its total (an authorization of its
            // own): never twice the same authorization, and never an edit's capture without the edit applied.
            new Rule("at most one capture per authorization", """
                    SELECT order_id || ': authorization ' || authorization_id || ' captured ' || count(*) || ' times'
                    FROM payment_provider.ledger
                    WHERE operation = 'CAPTURE' GROUP BY order_id, authorization_id HAVING count(*) > 1
                    UNION ALL
                    SELECT p.order_id || ': edit capture ' || p.operation_id || ' but the edit is '
                           || coalesce(e.status, 'unknown')
                    FROM payment.payment_operation p
                    LEFT JOIN "order".order_edit e ON 'edit-' || e.edit_id = p.operation_id
                    WHERE p.kind = 'CAPTURE' AND p.operation_id LIKE 'edit-%' AND coalesce(e.status, '') <> 'APPLIED'
                      AND NOT EXISTS (SELECT 1 FROM "order".saga_instance s WHERE s.correlation_id = p.order_id
                                      AND s.status IN ('RUNNING', 'COMPENSATING'))"""),
            // Net paid is what the customer keeps: the total, less the refunds of returns done. A return whose parcel is
            // awaited moves no money; one received and not yet refunded is in flight.
            new Rule("money matches the order", """
                    SELECT o.order_id || ' ' || o.status || ': total ' || o.total_amount || ', returns refunded '
                           || coalesce(rr.refunded, 0) || ', rest cancelled ' || coalesce(cr.cancelled, 0) || ', captured '
                           || coalesce(m.captured, 0) || ', refunded ' || coalesce(m.refunded, 0)
                    FROM "order".orders o
                    JOIN "order".saga_instance s ON s.saga_id = o.saga_id
                    LEFT JOIN (SELECT order_id,
                                      sum(amount) FILTER (WHERE operation = 'CAPTURE') AS captured,
                                      sum(amount) FILTER (WHERE operation = 'REFUND') AS refunded
                               FROM payment_provider.ledger GROUP BY order_id) m ON m.order_id = o.order_id::text
                    LEFT JOIN (SELECT order_id, sum(refund_amount) AS refunded FROM "order".order_return
                               WHERE status = 'REFUNDED' GROUP BY order_id) rr ON rr.order_id = o.order_id
                    LEFT JOIN (SELECT order_id, sum(cancelled_quantity * unit_price) AS cancelled FROM "order".order_line
                               GROUP BY order_id) cr ON cr.order_id = o.order_id
                    WHERE s.status IN ('COMPLETED', 'COMPENSATED')
                      AND NOT EXISTS (SELECT 1 FROM "order".saga_instance c WHERE c.correlation_id = o.order_id::text
                                      AND c.status IN ('RUNNING', 'COMPENSATING') -- e.g. a cancellation mid-way
                                      AND c.saga_type <> 'ReturnOrder')
                      AND NOT EXISTS (SELECT 1 FROM "order".order_return r WHERE r.order_id = o.order_id
                                      AND r.status = 'RECEIVED')
                      AND coalesce(m.captured, 0) - coalesce(m.refunded, 0) <>
                          CASE WHEN o.status IN ('FULFILLING', 'PARTIALLY_SHIPPED', 'SHIPPED', 'DELIVERED')
                               THEN o.total_amount - coalesce(rr.refunded, 0) - coalesce(cr.cancelled, 0) ELSE 0 END"""),
            new Rule("never more captured than authorized, nor refunded than captured", """
                    SELECT a.order_id || ': authorized ' || a.amount || ', captured ' || coalesce(m.captured, 0)
                           || ', refunded ' || coalesce(m.refunded, 0)
                    FROM payment_provider.ledger a
                    LEFT JOIN (SELECT authorization_id,
                                      sum(amount) FILTER (WHERE operation = 'CAPTURE') AS captured,
                                      sum(amount) FILTER (WHERE operation = 'REFUND') AS refunded
                               FROM payment_provider.ledger WHERE operation <> 'AUTHORIZE' GROUP BY authorization_id) m
                           ON m.authorization_id = a.authorization_id
                    WHERE a.operation = 'AUTHORIZE' AND a.outcome = 'APPROVED'
                      AND (coalesce(m.captured, 0) > a.amount OR coalesce(m.refunded, 0) > coalesce(m.captured, 0))"""),
            new Rule("a return refunds its received units at the price paid, once", """
                    SELECT r.return_id || ' refunded ' || r.refund_amount || ', its units come to ' || u.worth
                           || ', the payment booked ' || coalesce(p.amount::text, 'nothing')
                    FROM "order".order_return r
                    JOIN (SELECT return_id, sum((restockable + damaged) * unit_price) AS worth
                          FROM "order".order_return_line GROUP BY return_id) u USING (return_id)
                    LEFT JOIN payment.payment_operation p
                           ON p.kind = 'REFUND' AND p.operation_id = 'return-' || r.return_id
                    WHERE r.status = 'REFUNDED'
                      AND (r.refund_amount <> u.worth OR coalesce(p.amount, 0) <> CASE WHEN u.worth = 0 THEN 0
                                                                                       ELSE r.refund_amount END)"""),
            new Rule("returned units: never more than bought, restocked only as received restockable", """
                    SELECT o.order_id || ' ' || l.sku || ': bought ' || l.quantity || ', on returns ' || x.returned
                    FROM "order".orders o JOIN "order".order_line l USING (order_id)
                    JOIN (SELECT r.order_id, rl.sku, sum(rl.quantity) AS returned
                          FROM "order".order_return r JOIN "order".order_return_line rl USING (return_id)
                          WHERE r.status <> 'CANCELLED' GROUP BY r.order_id, rl.sku) x
                         ON x.order_id = o.order_id AND x.sku = l.sku
                    WHERE x.returned > l.quantity
                    UNION ALL
                    SELECT r.return_id || ' received ' || coalesce(u.restockable, 0) || ' restockable, inventory restocked '
                           || coalesce(i.units, 0) || ' (moved ' || coalesce(m.moved, 0) || ')'
                    FROM "order".order_return r
                    LEFT JOIN (SELECT return_id, sum(restockable) AS restockable FROM "order".order_return_unit
                               GROUP BY return_id) u USING (return_id)
                    LEFT JOIN inventory.return_restock i ON i.return_id = r.return_id::text
                    LEFT JOIN (SELECT note, sum(delta) AS moved FROM inventory.stock_movement WHERE reason = 'RETURN'
                               GROUP BY note) m ON m.note = 'return ' || r.return_id
                    WHERE r.status = 'REFUNDED'
                      AND (coalesce(u.restockable, 0) <> coalesce(i.units, -1) OR coalesce(m.moved, 0) <> coalesce(i.units, 0))"""),
            // An order being fulfilled holds, per sku, exactly its ordered units in committed stock and in live parcels:
            // edits move all three together or none.
            new Rule("an order's units are what its stock and parcels hold", """
                    SELECT o.order_id || ' ' || u.sku || ': ordered ' || coalesce(l.quantity, 0) || ', committed '
                           || coalesce(r.units, 0) || ', in parcels ' || coalesce(p.units, 0)
                    FROM "order".orders o
                    JOIN "order".saga_instance s ON s.saga_id = o.saga_id AND s.status = 'COMPLETED'
                    JOIN LATERAL (SELECT sku FROM "order".order_line WHERE order_id = o.order_id
                                  UNION SELECT sku FROM inventory.reservation_line WHERE order_id = o.order_id::text
                                  UNION SELECT sl.sku FROM fulfillment.shipment sh
                                        JOIN fulfillment.shipment_line sl USING (shipment_id)
                                        WHERE sh.order_id = o.order_id::text AND sh.status <> 'CANCELLED') u ON true
                    LEFT JOIN "order".order_line l ON l.order_id = o.order_id AND l.sku = u.sku
                    LEFT JOIN (SELECT rl.order_id, rl.sku, sum(rl.quantity) AS units FROM inventory.reservation_line rl
                               JOIN inventory.reservation rr USING (order_id) WHERE rr.status = 'COMMITTED'
                               GROUP BY rl.order_id, rl.sku) r ON r.order_id = o.order_id::text AND r.sku = u.sku
                    LEFT JOIN (SELECT sh.order_id, sl.sku, sum(sl.quantity) AS units FROM fulfillment.shipment sh
                               JOIN fulfillment.shipment_line sl USING (shipment_id) WHERE sh.status <> 'CANCELLED'
                               GROUP BY sh.order_id, sl.sku) p ON p.order_id = o.order_id::text AND p.sku = u.sku
                    WHERE o.status = 'FULFILLING'
                      AND NOT EXISTS (SELECT 1 FROM "order".saga_instance c WHERE c.correlation_id = o.order_id::text
                                      AND c.status IN ('RUNNING', 'COMPENSATING'))
                      AND (coalesce(r.units, 0) <> coalesce(l.quantity, 0) OR coalesce(p.units, 0) <> coalesce(l.quantity, 0))"""),
            new Rule("stock never negative", """
                    SELECT sku || '@' || warehouse || ': on hand ' || on_hand || ', reserved ' || reserved
                    FROM inventory.stock WHERE reserved < 0 OR on_hand < reserved"""),
            new Rule("reserved stock is what held reservations hold", """
                    SELECT s.sku || '@' || s.warehouse || ': reserved ' || s.reserved || ', held ' || coalesce(h.held, 0)
                    FROM inventory.stock s
                    LEFT JOIN (SELECT l.sku, l.warehouse, sum(l.quantity) AS held
                               FROM inventory.reservation r JOIN inventory.reservation_line l ON l.order_id = r.order_id
                               WHERE r.status = 'HELD' GROUP BY l.sku, l.warehouse) h
                           ON h.sku = s.sku AND h.warehouse = s.warehouse
                    WHERE s.reserved <> coalesce(h.held, 0)"""),
            new Rule("stock on hand is the sum of its movements", """
                    SELECT s.sku || '@' || s.warehouse || ': on hand ' || s.on_hand || ', movements ' || coalesce(m.total, 0)
                    FROM inventory.stock s
                    LEFT JOIN (SELECT sku, warehouse, sum(delta) AS total FROM inventory.stock_movement
                               GROUP BY sku, warehouse) m ON m.sku = s.sku AND m.warehouse = s.warehouse
                    WHERE s.on_hand <> coalesce(m.total, 0)"""),
            new Rule("a completed order's stock is committed", """
                    SELECT o.order_id || ' ' || o.status || ' has reservation ' || r.status
                    FROM "order".orders o JOIN inventory.reservation r ON r.order_id = o.order_id::text
                    JOIN "order".saga_instance s ON s.saga_id = o.saga_id AND s.status = 'COMPLETED'
                    WHERE o.status IN ('FULFILLING', 'PARTIALLY_SHIPPED', 'SHIPPED', 'DELIVERED') AND r.status <> 'COMMITTED'
                      AND NOT EXISTS (SELECT 1 FROM "order".saga_instance c WHERE c.correlation_id = o.order_id::text
                                      AND c.status IN ('RUNNING', 'COMPENSATING'))"""),
            // Goods leave only for money taken. A saga still in flight may be capturing (PlaceOrder) or cancelling the
            // shipment (CancelOrder); one that waits for an operator does not excuse it: unpaid goods are lost money.
            new Rule("a live shipment was paid for", """
                    SELECT sh.order_id || ': shipment ' || sh.shipment_id || ' is ' || sh.status || ', payment '
                           || coalesce(p.status, 'none')
                    FROM fulfillment.shipment sh LEFT JOIN payment.payment p ON p.order_id = sh.order_id
                    WHERE sh.status <> 'CANCELLED' AND coalesce(p.status, '') NOT IN ('CAPTURED', 'PARTIALLY_REFUNDED')
                      AND NOT (p.status = 'REFUNDED' AND EXISTS (SELECT 1 FROM "order".order_return r
                                                                 WHERE r.order_id::text = sh.order_id
                                                                   AND r.status = 'REFUNDED'))
                      AND NOT EXISTS (SELECT 1 FROM "order".saga_instance s WHERE s.correlation_id = sh.order_id
                                      AND s.status IN ('RUNNING', 'COMPENSATING'))"""),
            // Once its sagas ended, a cancelled or rejected order holds nothing. A saga that waits for an operator (its
            // alert open) is listed by openAlerts() with what it still holds, not counted here.
            new Rule("a cancelled or rejected order gives everything back", """
                    SELECT o.order_id || ' is ' || o.status || ' but ' || string_agg(h.held, ', ' ORDER BY h.held)
                    FROM "order".orders o
                    JOIN LATERAL (
                        SELECT 'shipment ' || sh.shipment_id || ' is ' || sh.status AS held FROM fulfillment.shipment sh
                        WHERE sh.order_id = o.order_id::text AND sh.status <> 'CANCELLED'
                        UNION ALL SELECT 'stock is ' || r.status FROM inventory.reservation r
                        WHERE r.order_id = o.order_id::text AND r.status IN ('HELD', 'COMMITTED')
                        UNION ALL SELECT 'payment is ' || p.status FROM payment.payment p
                        WHERE p.order_id = o.order_id::text
                          AND p.status IN ('AUTHORIZED', 'CAPTURED', 'PARTIALLY_REFUNDED')) h ON true
                    WHERE o.status IN ('CANCELLED', 'REJECTED')
                      AND NOT EXISTS (SELECT 1 FROM "order".saga_instance s WHERE s.correlation_id = o.order_id::text
                                      AND (s.status IN ('RUNNING', 'COMPENSATING')
                                           OR (s.status = 'COMPENSATION_FAILED' AND s.alert IS NOT NULL)))
                    GROUP BY o.order_id, o.status"""),
            new Rule("each notification sent once", """
                    SELECT dedup_key || ' sent ' || count(*) || ' times' FROM notification.notification
                    GROUP BY dedup_key HAVING count(*) > 1"""),
            new Rule("every completed order was notified", """
                    SELECT s.correlation_id || ' completed without a notification' FROM "order".saga_instance s
                    LEFT JOIN notification.notification n ON n.order_id = s.correlation_id
                    WHERE s.saga_type = 'PlaceOrder' AND s.status = 'COMPLETED' AND n.notification_id IS NULL"""),
            new Rule("no message parked", """
                    SELECT service || ': ' || type FROM every_service.dead_letter d"""));

    /**
     * Not a broken promise but open work: a saga with an alert (a retry budget spent, a compensation unanswered)
     * waits for an operator, and may still hold its order's stock or money.
     */
    private static final Rule OPEN_ALERTS = new Rule("needs an operator", """
            SELECT s.saga_type || ' ' || s.saga_id || ' is ' || s.status || ' (order ' || s.correlation_id || '): '
                   || coalesce(s.alert, 'no alert') || '; still held: ' || coalesce((
                       SELECT string_agg(held, ', ') FROM (
                           SELECT 'stock (reservation HELD)' AS held FROM inventory.reservation r
                           WHERE r.order_id = s.correlation_id AND r.status = 'HELD'
                           UNION ALL SELECT 'payment AUTHORIZED' FROM payment.payment p
                           WHERE p.order_id = s.correlation_id AND p.status = 'AUTHORIZED') h), 'nothing')
            FROM "order".saga_instance s
            WHERE s.status = 'COMPENSATION_FAILED' OR (s.alert IS NOT NULL AND s.status NOT IN ('COMPLETED', 'COMPENSATED'))
            ORDER BY s.updated_at""");

    private final DataSource dataSource;
    /** The provider's books when they are not in the platform's database; null when they are. */
    private final DataSource providerBooks;

    public InvariantChecker(DataSource dataSource) {
        this(dataSource, null);
    }

    public InvariantChecker(DataSource dataSource, DataSource providerBooks) {
        this.dataSource = dataSource;
        this.providerBooks = providerBooks;
    }

    /** The invariants that hold at any time. */
    public List<Violation> check() {
        return run(ALWAYS);
    }

    /** Those plus the ones that hold once nothing is in flight: every saga ended, every order settled. */
    public List<Violation> checkQuiescent() {
        List<Violation> violations = new ArrayList<>(run(QUIESCENT));
        violations.addAll(run(ALWAYS));
        return violations;
    }

    /** The sagas waiting for an operator, each with what its order still holds; none is a broken invariant. */
    public List<Violation> openAlerts() {
        return run(List.of(OPEN_ALERTS));
    }

    /** True once every saga has ended (what to wait for before {@link #checkQuiescent()}). */
    public boolean quiescent() {
        return run(QUIESCENT).isEmpty();
    }

    private List<Violation> run(List<Rule> rules) {
        try (Connection c = dataSource.getConnection()) {
            if (providerBooks != null) {
                c.setAutoCommit(false); // the copy of the books is dropped at the end of this transaction
                copyProviderBooks(c);
            }
            try {
                Map<String, String> tables = perServiceTables(c);
                tables.put(LEDGER, providerBooks == null ? LEDGER : COPIED_LEDGER);
                List<Violation> violations = new ArrayList<>();
                for (Rule rule : rules) {
                    violations.addAll(rule.violations(c, tables));
                }
                return violations;
            } finally {
                if (providerBooks != null) {
                    c.rollback();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("invariant check failed to run: " + e.getMessage(), e);
        }
    }

    /** {@code every_service.<table>}: the union of that table over the deployed services, with a service column. */
    private static Map<String, String> perServiceTables(Connection c) throws SQLException {
        Map<String, String> unions = new HashMap<>();
        for (Map.Entry<String, String> perService : PER_SERVICE_TABLES.entrySet()) {
            String table = perService.getKey();
            List<String> parts = new ArrayList<>();
            try (PreparedStatement deployed = c.prepareStatement("""
                    SELECT table_schema FROM information_schema.tables
                    WHERE table_name = ? AND table_schema = ANY (?) ORDER BY table_schema""")) {
                deployed.setString(1, table);
                deployed.setArray(2, c.createArrayOf("text", SERVICES.toArray()));
                try (ResultSet row = deployed.executeQuery()) {
                    while (row.next()) {
                        String schema = row.getString(1);
                        parts.add("SELECT '" + schema + "' AS service, " + perService.getValue() + " FROM \""
                                + schema + "\"." + table);
                    }
                }
            }
            if (parts.isEmpty()) {
                throw new SQLException("no service's " + table + " in this database: is it the platform's?");
            }
            unions.put("every_service." + table, "(" + String.join(" UNION ALL ", parts) + ")");
        }
        return unions;
    }

    /** The columns of the provider's ledger the rules read, copied from the provider's database. */
    private void copyProviderBooks(Connection c) throws SQLException {
        List<String> orders = new ArrayList<>();
        List<String> operations = new ArrayList<>();
        List<Long> amounts = new ArrayList<>();
        List<String> authorizations = new ArrayList<>();
        List<String> outcomes = new ArrayList<>();
        try (Connection provider = providerBooks.getConnection();
             PreparedStatement read = provider.prepareStatement(
                     "SELECT order_id, operation, amount, authorization_id, outcome FROM " + LEDGER);
             ResultSet row = read.executeQuery()) {
            while (row.next()) {
                orders.add(row.getString(1));
                operations.add(row.getString(2));
                amounts.add(row.getObject(3) == null ? null : row.getLong(3));
                authorizations.add(row.getString(4));
                outcomes.add(row.getString(5));
            }
        }
        try (PreparedStatement create = c.prepareStatement("""
                CREATE TEMP TABLE provider_ledger (order_id TEXT, operation TEXT, amount BIGINT, authorization_id TEXT,
                                                   outcome TEXT) ON COMMIT DROP""");
             PreparedStatement copy = c.prepareStatement("""
                INSERT INTO pg_temp.provider_ledger
                SELECT * FROM unnest(?::text[], ?::text[], ?::bigint[], ?::text[], ?::text[])""")) {
            create.execute();
            copy.setArray(1, c.createArrayOf("text", orders.toArray()));
            copy.setArray(2, c.createArrayOf("text", operations.toArray()));
            copy.setArray(3, c.createArrayOf("bigint", amounts.toArray()));
            copy.setArray(4, c.createArrayOf("text", authorizations.toArray()));
            copy.setArray(5, c.createArrayOf("text", outcomes.toArray()));
            copy.executeUpdate();
        }
    }

    private record Rule(String name, String sql) {
        /** Runs the rule with the tables it names replaced as {@code tables} says. */
        List<Violation> violations(Connection c, Map<String, String> tables) throws SQLException {
            String query = sql;
            for (Map.Entry<String, String> table : tables.entrySet()) {
                query = query.replace(table.getKey(), table.getValue());
            }
            List<Violation> found = new ArrayList<>();
            try (PreparedStatement statement = c.prepareStatement(query);
                 ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    found.add(new Violation(name, row.getString(1)));
                }
            }
            return found.size() > SHOWN ? summarize(found) : found;
        }

        private List<Violation> summarize(List<Violation> found) {
            List<Violation> shown = new ArrayList<>(found.subList(0, SHOWN));
            shown.add(new Violation(name, "... and " + (found.size() - SHOWN) + " more"));
            return shown;
        }
    }
}
