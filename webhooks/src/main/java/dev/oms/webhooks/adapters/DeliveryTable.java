package dev.oms.webhooks.adapters;

import dev.oms.webhooks.api.WebhookAttempt;
import dev.oms.webhooks.api.WebhookDelivery;
import dev.oms.webhooks.domain.EndpointHealth;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The webhook_delivery and webhook_attempt tables: what is to be sent, and every try. */
public final class DeliveryTable {

    /** A delivery a dispatcher holds: what it sends, and the token that proves it still holds it. */
    public record Claimed(String deliveryId, String endpointId, String payload, int attempts, int retryFrom,
                          UUID leaseToken) {}

    /** The attempt's outcome as recorded; {@code nextAttemptAt} null means no further attempt (DELIVERED, FAILED). */
    public record Outcome(String status, Instant nextAttemptAt) {}

    /** The delivery's id: derived from endpoint and event, so the same pair always has the same webhook-id. */
    public static String idOf(String endpointId, UUID messageId) {
        return "msg_" + UUID.nameUUIDFromBytes((endpointId + "/" + messageId).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .toString().replace("-", "");
    }

    /** Adds the delivery unless the endpoint has one for this event already; true when added. */
    public boolean insertIfAbsent(Connection c, String endpointId, UUID messageId, String eventType, String payload,
                                  Instant now) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("""
                INSERT INTO webhook_delivery (delivery_id, endpoint_id, message_id, event_type, payload, status,
                                              next_attempt_at, created_at, due_from)
                VALUES (?, ?, ?, ?, ?, 'PENDING', ?, ?, ?) ON CONFLICT (endpoint_id, message_id) DO NOTHING""")) {
            insert.setString(1, idOf(endpointId, messageId));
            insert.setString(2, endpointId);
            insert.setObject(3, messageId);
            insert.setString(4, eventType);
            insert.setString(5, payload);
            insert.setTimestamp(6, Timestamp.from(now));
            insert.setTimestamp(7, Timestamp.from(now));
            insert.setTimestamp(8, Timestamp.from(now));
            return insert.executeUpdate() == 1;
        }
    }

    /**
     * Takes up to {@code limit} due deliveries of active endpoints, at most {@code perEndpoint} of any one endpoint
     * counting those still out to it (so that one slow receiver cannot take every slot), until {@code leaseUntil}. Of an endpoint whose circuit is
     * open ({@link EndpointHealth}) only the most overdue one, and only once its probe is due. The outer re-check of
     * status and lease under the row lock keeps two dispatchers from taking the same row.
     */
    public List<Claimed> claim(Connection c, Instant now, Instant leaseUntil, int limit, int perEndpoint)
            throws SQLException {
        UUID token = UUID.randomUUID();
        try (PreparedStatement update = c.prepareStatement("""
                UPDATE webhook_delivery d SET lease_until = ?, lease_token = ?
                FROM (SELECT delivery_id FROM (
                        SELECT d.delivery_id, d.next_attempt_at,
                               row_number() OVER (PARTITION BY d.endpoint_id ORDER BY d.next_attempt_at) AS rank,
                               CASE WHEN e.failures >= ? THEN 1 ELSE ? END - COALESCE(out.n, 0) AS share
                        FROM webhook_delivery d JOIN webhook_endpoint e ON e.endpoint_id = d.endpoint_id
                        LEFT JOIN (SELECT endpoint_id, count(*) AS n FROM webhook_delivery
                                   WHERE lease_until IS NOT NULL AND lease_until > ? GROUP BY endpoint_id) out
                               ON out.endpoint_id = d.endpoint_id
                        WHERE d.status = 'PENDING' AND e.status = 'ACTIVE' AND d.next_attempt_at <= ?
                          AND (e.probe_at IS NULL OR e.probe_at <= ?)
                          AND (d.lease_until IS NULL OR d.lease_until <= ?)) due
                      WHERE rank <= share ORDER BY next_attempt_at LIMIT ?) picked
                WHERE d.delivery_id = picked.delivery_id AND d.status = 'PENDING'
                  AND (d.lease_until IS NULL OR d.lease_until <= ?)
                RETURNING d.delivery_id, d.endpoint_id, d.payload, d.attempts, d.retry_from""")) {
            update.setTimestamp(1, Timestamp.from(leaseUntil));
            update.setObject(2, token);
            update.setInt(3, EndpointHealth.OPEN_AFTER);
            update.setInt(4, perEndpoint);
            update.setTimestamp(5, Timestamp.from(now));
            update.setTimestamp(6, Timestamp.from(now));
            update.setTimestamp(7, Timestamp.from(now));
            update.setTimestamp(8, Timestamp.from(now));
            update.setInt(9, limit);
            update.setTimestamp(10, Timestamp.from(now));
            List<Claimed> claimed = new ArrayList<>();
            try (ResultSet row = update.executeQuery()) {
                while (row.next()) {
                    claimed.add(new Claimed(row.getString(1), row.getString(2), row.getString(3), row.getInt(4),
                            row.getInt(5), token));
                }
            }
            return claimed;
        }
    }

    /**
     * Records one attempt and its outcome, if the dispatcher still holds the delivery (a lease that ran out and was
     * taken by another dispatcher is not overwritten); false when it no longer did.
     */
    public boolean record(Connection c, Claimed claimed, WebhookAttempt attempt, Outcome outcome) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("""
                UPDATE webhook_delivery SET attempts = attempts + 1, status = ?,
                       next_attempt_at = COALESCE(?, next_attempt_at), lease_until = NULL, lease_token = NULL,
                       delivered_at = CASE WHEN ? = 'DELIVERED' THEN ? ELSE delivered_at END
                WHERE delivery_id = ? AND lease_token = ?
                RETURNING attempts""")) {
            update.setString(1, outcome.status());
            update.setTimestamp(2, outcome.nextAttemptAt() == null ? null : Timestamp.from(outcome.nextAttemptAt()));
            update.setString(3, outcome.status());
            update.setTimestamp(4, Timestamp.from(attempt.at().plusMillis(attempt.durationMillis())));
            update.setString(5, claimed.deliveryId());
            update.setObject(6, claimed.leaseToken());
            int number;
            try (ResultSet row = update.executeQuery()) {
                if (!row.next()) {
                    return false;
                }
                number = row.getInt(1);
            }
            try (PreparedStatement insert = c.prepareStatement("""
                    INSERT INTO webhook_attempt (delivery_id, attempt, at, status_code, response, error, duration_ms)
                    VALUES (?, ?, ?, ?, ?, ?, ?)""")) {
                insert.setString(1, claimed.deliveryId());
                insert.setInt(2, number);
                insert.setTimestamp(3, Timestamp.from(attempt.at()));
                if (attempt.statusCode() == null) {
                    insert.setNull(4, Types.INTEGER);
                } else {
                    insert.setInt(4, attempt.statusCode());
                }
                insert.setString(5, attempt.response());
                insert.setString(6, attempt.error());
                insert.setLong(7, attempt.durationMillis());
                insert.executeUpdate();
            }
            return true;
        }
    }

    /** Makes the delivery due now with a fresh retry schedule, whatever its status; false when there is none. */
    public boolean redeliver(Connection c, String deliveryId, Instant now) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("""
                UPDATE webhook_delivery SET status = 'PENDING', next_attempt_at = ?, due_from = ?, retry_from = attempts,
                       lease_until = NULL, lease_token = NULL
                WHERE delivery_id = ?""")) {
            update.setTimestamp(1, Timestamp.from(now));
            update.setTimestamp(2, Timestamp.from(now));
            update.setString(3, deliveryId);
            return update.executeUpdate() == 1;
        }
    }

    /** The endpoint is back: every delivery of it waiting for a later attempt is due now; how many. */
    public int pullForward(Connection c, String endpointId, Instant now) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("""
                UPDATE webhook_delivery SET next_attempt_at = ?
                WHERE endpoint_id = ? AND status = 'PENDING' AND next_attempt_at > ?""")) {
            update.setTimestamp(1, Timestamp.from(now));
            update.setString(2, endpointId);
            update.setTimestamp(3, Timestamp.from(now));
            return update.executeUpdate();
        }
    }

    /**
     * Gives up the endpoint's pending deliveries due since before {@code dueBefore} that no dispatcher holds: their
     * schedule would have ended by now, had the endpoint's circuit let them be tried; how many.
     */
    public int giveUpOlder(Connection c, String endpointId, Instant dueBefore, Instant now) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("""
                UPDATE webhook_delivery SET status = 'FAILED'
                WHERE endpoint_id = ? AND status = 'PENDING' AND due_from < ?
                  AND (lease_until IS NULL OR lease_until <= ?)""")) {
            update.setString(1, endpointId);
            update.setTimestamp(2, Timestamp.from(dueBefore));
            update.setTimestamp(3, Timestamp.from(now));
            return update.executeUpdate();
        }
    }

    /**
     * How many deliveries wait (PENDING) or were given up (FAILED): the status is written into the statement so that
     * the planner counts through its partial index.
     */
    public long count(Connection c, String status) throws SQLException {
        if (!WebhookDelivery.PENDING.equals(status) && !WebhookDelivery.FAILED.equals(status)) {
            throw new IllegalArgumentException("counted are PENDING and FAILED, not " + status);
        }
        try (PreparedStatement select = c.prepareStatement(
                "SELECT count(*) FROM webhook_delivery WHERE status = '" + status + "'")) {
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    /**
     * Removes up to {@code limit} ended deliveries last due (created, or redelivered) before {@code dueBefore},
     * attempts first; how many.
     */
    public int removeEnded(Connection c, Instant dueBefore, int limit) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("""
                WITH ended AS (SELECT delivery_id FROM webhook_delivery
                               WHERE status <> 'PENDING' AND due_from < ? ORDER BY due_from LIMIT ?),
                     attempts AS (DELETE FROM webhook_attempt a USING ended WHERE a.delivery_id = ended.delivery_id)
                DELETE FROM webhook_delivery d USING ended WHERE d.delivery_id = ended.delivery_id""")) {
            delete.setTimestamp(1, Timestamp.from(dueBefore));
            delete.setInt(2, limit);
            return delete.executeUpdate();
        }
    }

    public Optional<WebhookDelivery> find(Connection c, String deliveryId) throws SQLException {
        List<WebhookDelivery> found = select(c, "WHERE delivery_id = ?", List.of(deliveryId), 1);
        return found.stream().findFirst();
    }

    public List<WebhookDelivery> list(Connection c, String endpointId, String status, int limit) throws SQLException {
        List<String> conditions = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (endpointId != null) {
            conditions.add("endpoint_id = ?");
            params.add(endpointId);
        }
        if (status != null) {
            conditions.add("status = ?");
            params.add(status);
        }
        return select(c, conditions.isEmpty() ? "" : "WHERE " + String.join(" AND ", conditions), params, limit);
    }

    private List<WebhookDelivery> select(Connection c, String where, List<?> params, int limit) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("""
                SELECT delivery_id, endpoint_id, message_id, event_type, status, attempts, created_at, next_attempt_at,
                       delivered_at
                FROM webhook_delivery %s ORDER BY created_at DESC, delivery_id LIMIT ?""".formatted(where))) {
            int i = 1;
            for (Object p : params) {
                select.setObject(i++, p);
            }
            select.setInt(i, limit);
            List<WebhookDelivery> deliveries = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    String id = row.getString("delivery_id");
                    String status = row.getString("status");
                    Timestamp delivered = row.getTimestamp("delivered_at");
                    deliveries.add(new WebhookDelivery(id, row.getString("endpoint_id"),
                            row.getString("message_id"), row.getString("event_type"), status,
                            row.getInt("attempts"), row.getTimestamp("created_at").toInstant(),
                            WebhookDelivery.PENDING.equals(status) ? row.getTimestamp("next_attempt_at").toInstant() : null,
                            delivered == null ? null : delivered.toInstant(), attempts(c, id)));
                }
            }
            return deliveries;
        }
    }

    private static List<WebhookAttempt> attempts(Connection c, String deliveryId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("""
                SELECT attempt, at, status_code, response, error, duration_ms FROM webhook_attempt
                WHERE delivery_id = ? ORDER BY attempt""")) {
            select.setString(1, deliveryId);
            List<WebhookAttempt> attempts = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    int code = row.getInt("status_code");
                    Integer statusCode = row.wasNull() ? null : code;
                    attempts.add(new WebhookAttempt(row.getInt("attempt"), row.getTimestamp("at").toInstant(),
                            statusCode, row.getString("response"), row.getString("error"),
                            row.getLong("duration_ms")));
                }
            }
            return attempts;
        }
    }
}
