package dev.oms.webhooks.adapters;

import dev.oms.webhooks.api.WebhookEndpoint;
import dev.oms.webhooks.domain.EndpointHealth;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The webhook_endpoint table. */
public final class EndpointTable {
    private static final String COLUMNS = """
            endpoint_id, url, event_types, description, status, created_at, secret, previous_secret,
            previous_secret_expires_at, failures, probe_at""";

    /** An endpoint with the secrets that sign for it now (the previous one only until it expires). */
    public record Stored(WebhookEndpoint endpoint, String secret, String previousSecret) {
        public List<String> signingSecrets(Instant now) {
            Instant expires = endpoint.previousSecretExpiresAt();
            return previousSecret != null && expires != null && now.isBefore(expires)
                    ? List.of(secret, previousSecret) : List.of(secret);
        }
    }

    public void insert(Connection c, WebhookEndpoint e, String secret) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("""
                INSERT INTO webhook_endpoint (endpoint_id, url, event_types, description, status, secret, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")) {
            insert.setString(1, e.id());
            insert.setString(2, e.url());
            insert.setArray(3, c.createArrayOf("text", e.eventTypes().toArray()));
            insert.setString(4, e.description());
            insert.setString(5, e.status());
            insert.setString(6, secret);
            insert.setTimestamp(7, Timestamp.from(e.createdAt()));
            insert.executeUpdate();
        }
    }

    public Optional<Stored> find(Connection c, String endpointId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "SELECT " + COLUMNS + " FROM webhook_endpoint WHERE endpoint_id = ?")) {
            select.setString(1, endpointId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(stored(row)) : Optional.empty();
            }
        }
    }

    public List<Stored> all(Connection c, boolean activeOnly) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS + " FROM webhook_endpoint"
                + (activeOnly ? " WHERE status = 'ACTIVE'" : "") + " ORDER BY created_at, endpoint_id")) {
            List<Stored> all = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    all.add(stored(row));
                }
            }
            return all;
        }
    }

    public boolean rotate(Connection c, String endpointId, String newSecret, Instant previousExpiresAt)
            throws SQLException {
        try (PreparedStatement update = c.prepareStatement("""
                UPDATE webhook_endpoint SET previous_secret = secret, secret = ?, previous_secret_expires_at = ?
                WHERE endpoint_id = ?""")) {
            update.setString(1, newSecret);
            update.setTimestamp(2, Timestamp.from(previousExpiresAt));
            update.setString(3, endpointId);
            return update.executeUpdate() == 1;
        }
    }

    public boolean setStatus(Connection c, String endpointId, String status) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE webhook_endpoint SET status = ? WHERE endpoint_id = ?")) {
            update.setString(1, status);
            update.setString(2, endpointId);
            return update.executeUpdate() == 1;
        }
    }

    /** The endpoint's circuit, locked until the transaction ends (rounds of two dispatchers count one after another). */
    public Optional<EndpointHealth> lockHealth(Connection c, String endpointId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "SELECT failures, probe_at FROM webhook_endpoint WHERE endpoint_id = ? FOR NO KEY UPDATE")) {
            select.setString(1, endpointId);
            try (ResultSet row = select.executeQuery()) {
                return row.next()
                        ? Optional.of(new EndpointHealth(row.getInt(1), instant(row.getTimestamp(2))))
                        : Optional.empty();
            }
        }
    }

    public void setHealth(Connection c, String endpointId, EndpointHealth health) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE webhook_endpoint SET failures = ?, probe_at = ? WHERE endpoint_id = ?")) {
            update.setInt(1, health.failures());
            update.setTimestamp(2, health.probeAt() == null ? null : Timestamp.from(health.probeAt()));
            update.setString(3, endpointId);
            update.executeUpdate();
        }
    }

    /** A probe of each of these endpoints is out: no other until {@code until}, when its answer is recorded. */
    public void holdProbes(Connection c, Collection<String> endpointIds, Instant until) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE webhook_endpoint SET probe_at = ? WHERE endpoint_id = ANY (?) AND failures >= ?")) {
            update.setTimestamp(1, Timestamp.from(until));
            update.setArray(2, c.createArrayOf("text", endpointIds.toArray()));
            update.setInt(3, EndpointHealth.OPEN_AFTER);
            update.executeUpdate();
        }
    }

    /** How many active endpoints are taken as down. */
    public int countOpen(Connection c) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "SELECT count(*) FROM webhook_endpoint WHERE status = 'ACTIVE' AND failures >= ?")) {
            select.setInt(1, EndpointHealth.OPEN_AFTER);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static Stored stored(ResultSet row) throws SQLException {
        Array types = row.getArray("event_types");
        Timestamp expires = row.getTimestamp("previous_secret_expires_at");
        WebhookEndpoint endpoint = new WebhookEndpoint(row.getString("endpoint_id"), row.getString("url"),
                Arrays.asList((String[]) types.getArray()), row.getString("description"), row.getString("status"),
                row.getTimestamp("created_at").toInstant(), instant(expires), row.getInt("failures"),
                instant(row.getTimestamp("probe_at")));
        return new Stored(endpoint, row.getString("secret"), row.getString("previous_secret"));
    }
}
