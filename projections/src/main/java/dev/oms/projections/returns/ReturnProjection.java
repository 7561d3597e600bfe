package dev.oms.projections.returns;

import dev.oms.contracts.Envelope;
import dev.oms.contracts.order.v1.ReturnLineState;
import dev.oms.contracts.order.v1.ReturnStatusChanged;
import dev.oms.projections.api.Money;
import dev.oms.projections.api.ReturnQueries;
import dev.oms.projections.api.ReturnView;
import dev.oms.projections.internal.EventRoutes;
import dev.oms.projections.internal.Jdbc;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Returns of orders, from ReturnStatusChanged. Each event carries the whole return; a newer one replaces the row and
 * its lines, an older one (a redelivery, or two transitions committed close together and read out of order) changes
 * nothing. The order of statuses breaks a tie of times.
 */
public final class ReturnProjection {
    public static final List<String> TABLES = List.of("order_return_view", "order_return_line_view");

    private ReturnProjection() {}

    public static void routeTo(EventRoutes routes) {
        routes.on(ReturnStatusChanged.getDefaultInstance(), ReturnProjection::changed);
    }

    public static ReturnQueries queries(DataSource dataSource) {
        return new JdbcReturnQueries(dataSource);
    }

    static void changed(ReturnStatusChanged event, Envelope envelope, Connection c) throws SQLException {
        Jdbc.lockKey(c, "return", event.getReturnId());
        int rank = rank(event.getStatus());
        int written = Jdbc.update(c, """
                INSERT INTO order_return_view (return_id, order_id, customer_id, status, reason, refund_amount,
                                               refund_currency, note, requested_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (return_id) DO UPDATE SET status = excluded.status, refund_amount = excluded.refund_amount,
                    refund_currency = excluded.refund_currency, note = excluded.note, updated_at = excluded.updated_at,
                    requested_at = LEAST(order_return_view.requested_at, excluded.requested_at)
                WHERE (CASE order_return_view.status WHEN 'REQUESTED' THEN 0 WHEN 'RECEIVED' THEN 1 ELSE 2 END) < ?
                   OR (CASE order_return_view.status WHEN 'REQUESTED' THEN 0 WHEN 'RECEIVED' THEN 1 ELSE 2 END) = ?
                      AND order_return_view.updated_at < excluded.updated_at""",
                event.getReturnId(), event.getOrderId(), event.getCustomerId(), event.getStatus(), event.getReason(),
                event.hasRefund() ? event.getRefund().getAmount() : null,
                event.hasRefund() ? event.getRefund().getCurrency() : null, event.getNote(),
                envelope.occurredAt(), envelope.occurredAt(), rank, rank);
        if (written == 0) {
            return;
        }
        Jdbc.update(c, "DELETE FROM order_return_line_view WHERE return_id = ?", event.getReturnId());
        for (int i = 0; i < event.getLinesCount(); i++) {
            ReturnLineState line = event.getLines(i);
            Jdbc.update(c, """
                    INSERT INTO order_return_line_view (return_id, position, sku, quantity, unit_amount, unit_currency,
                                                        restockable, damaged)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
                    event.getReturnId(), i, line.getSku(), line.getQuantity(), line.getUnitPrice().getAmount(),
                    line.getUnitPrice().getCurrency(), line.getRestockable(), line.getDamaged());
        }
    }

    /** REQUESTED, then RECEIVED, then an end (REFUNDED or CANCELLED): a return never moves back. */
    private static int rank(String status) {
        return switch (status) {
            case "REQUESTED" -> 0;
            case "RECEIVED" -> 1;
            default -> 2;
        };
    }

    private static final class JdbcReturnQueries implements ReturnQueries {
        private static final String SELECT = """
                SELECT r.return_id, r.order_id, r.customer_id, r.status, r.reason, r.refund_amount, r.refund_currency,
                       r.note, r.requested_at, r.updated_at
                FROM order_return_view r""";
        private final DataSource dataSource;

        JdbcReturnQueries(DataSource dataSource) {
            this.dataSource = dataSource;
        }

        @Override
        public List<ReturnView> ofOrder(String orderId) {
            return read(SELECT + " WHERE r.order_id = ? ORDER BY r.requested_at, r.return_id", orderId);
        }

        @Override
        public Optional<ReturnView> byId(String returnId) {
            return read(SELECT + " WHERE r.return_id = ?", returnId).stream().findFirst();
        }

        private List<ReturnView> read(String sql, String key) {
            try (Connection c = dataSource.getConnection()) {
                List<ReturnView> heads = Jdbc.list(c, sql, JdbcReturnQueries::head, key);
                return heads.stream().map(head -> withLines(c, head)).toList();
            } catch (SQLException e) {
                throw new IllegalStateException("reading returns failed: " + e.getMessage(), e);
            }
        }

        private static ReturnView withLines(Connection c, ReturnView head) {
            try {
                List<ReturnView.ReturnLineView> lines = Jdbc.list(c, """
                        SELECT sku, quantity, unit_amount, unit_currency, restockable, damaged
                        FROM order_return_line_view WHERE return_id = ? ORDER BY position""",
                        row -> new ReturnView.ReturnLineView(row.getString(1), row.getInt(2),
                                new Money(row.getLong(3), row.getString(4)), row.getInt(5), row.getInt(6)),
                        head.id());
                return new ReturnView(head.id(), head.orderId(), head.customerId(), head.status(), head.reason(), lines,
                        head.refund(), head.note(), head.requestedAt(), head.updatedAt());
            } catch (SQLException e) {
                throw new IllegalStateException("reading return lines failed: " + e.getMessage(), e);
            }
        }

        private static ReturnView head(ResultSet row) throws SQLException {
            Long refund = row.getObject("refund_amount", Long.class);
            return new ReturnView(row.getString("return_id"), row.getString("order_id"), row.getString("customer_id"),
                    row.getString("status"), row.getString("reason"), List.of(),
                    refund == null ? null : new Money(refund, row.getString("refund_currency")), row.getString("note"),
                    Jdbc.instant(row.getTimestamp("requested_at")), Jdbc.instant(row.getTimestamp("updated_at")));
        }
    }
}
