package dev.oms.notification.adapters;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import javax.sql.DataSource;

/**
 * The notification_delivery table: the send intent of each notification. Every write commits on a connection of its
 * own, not in the handler's transaction: the intent must survive that transaction rolling back (a crash, a failed
 * batch) for a redelivery to know that the channel was already called.
 */
public final class DeliveryTable {
    private final DataSource dataSource;

    public DeliveryTable(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public enum Status { SENDING, SENT, FAILED, UNCONFIRMED }

    /** What {@link #claim} found: CLAIMED means this attempt may send; otherwise the status an earlier one left. */
    public sealed interface Claim {
        record Claimed(int attempt) implements Claim {}

        record Earlier(Status status, int attempts) implements Claim {}
    }

    /**
     * Marks the key SENDING and commits, if no attempt has been made or the last one FAILED; otherwise tells what an
     * earlier attempt left. Callers hold the key's notification row lock, so no two attempts claim at once.
     */
    public Claim claim(String dedupKey, String notificationId, String messageKey, Instant now) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            try (PreparedStatement upsert = c.prepareStatement("""
                    INSERT INTO notification_delivery (dedup_key, notification_id, message_key, status, attempts,
                                                       first_attempt_at, last_attempt_at)
                    VALUES (?, ?, ?, 'SENDING', 1, ?, ?)
                    ON CONFLICT (dedup_key) DO UPDATE SET status = 'SENDING',
                        attempts = notification_delivery.attempts + 1, last_attempt_at = EXCLUDED.last_attempt_at
                    WHERE notification_delivery.status = 'FAILED'
                    RETURNING attempts""")) {
                upsert.setString(1, dedupKey);
                upsert.setString(2, notificationId);
                upsert.setString(3, messageKey);
                upsert.setTimestamp(4, Timestamp.from(now));
                upsert.setTimestamp(5, Timestamp.from(now));
                try (ResultSet row = upsert.executeQuery()) {
                    if (row.next()) {
                        return new Claim.Claimed(row.getInt(1));
                    }
                }
            }
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT status, attempts FROM notification_delivery WHERE dedup_key = ?")) {
                select.setString(1, dedupKey);
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    return new Claim.Earlier(Status.valueOf(row.getString(1)), row.getInt(2));
                }
            }
        }
    }

    public void markSent(String dedupKey) throws SQLException {
        update(dedupKey, Status.SENT, null);
    }

    public void markFailed(String dedupKey, String error) throws SQLException {
        update(dedupKey, Status.FAILED, error);
    }

    public void markUnconfirmed(String dedupKey) throws SQLException {
        update(dedupKey, Status.UNCONFIRMED, "a redelivery found the send unrecorded: a crash between the send and its"
                + " record; not sent again");
    }

    private void update(String dedupKey, Status status, String error) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement update = c.prepareStatement(
                     "UPDATE notification_delivery SET status = ?, last_error = ? WHERE dedup_key = ?")) {
            c.setAutoCommit(true);
            update.setString(1, status.name());
            update.setString(2, error == null ? null : error.length() > 2000 ? error.substring(0, 2000) : error);
            update.setString(3, dedupKey);
            update.executeUpdate();
        }
    }
}
