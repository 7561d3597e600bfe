package dev.oms.app.release;

import dev.oms.messaging.release.ReleaseRoute;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import javax.sql.DataSource;

/** The release route in the service's schema ({@code release_route}, created by the messaging migrations). */
final class RouteStore {
    /** Where a release stands. */
    enum State { SHIFTING, RELEASED, ROLLED_BACK }

    /** The route with what the controller wrote about it. */
    record Status(ReleaseRoute route, State state, String reason, Instant changedAt) {}

    private final DataSource dataSource;
    private final String service;

    RouteStore(DataSource dataSource, String service) {
        this.dataSource = dataSource;
        this.service = service;
    }

    /** The current route, or none (0 %, version 0) when no release has run. */
    Status status() {
        try (Connection c = dataSource.getConnection(); PreparedStatement query = c.prepareStatement(
                "SELECT green_percent, version, state, reason, changed_at FROM release_route WHERE id = 1");
             ResultSet row = query.executeQuery()) {
            if (!row.next()) {
                return new Status(ReleaseRoute.NONE, State.ROLLED_BACK, "no release yet", null);
            }
            return new Status(new ReleaseRoute(row.getInt(1), row.getLong(2)), State.valueOf(row.getString(3)),
                    row.getString(4), row.getTimestamp(5).toInstant());
        } catch (SQLException e) {
            throw unreadable(e);
        }
    }

    /** Moves the route to {@code greenPercent} under a new version; what the copies read from their next refresh. */
    ReleaseRoute move(int greenPercent, State state, String reason) {
        try (Connection c = dataSource.getConnection(); PreparedStatement upsert = c.prepareStatement("""
                INSERT INTO release_route (id, green_percent, version, state, reason, changed_at)
                VALUES (1, ?, 1, ?, ?, now())
                ON CONFLICT (id) DO UPDATE SET green_percent = excluded.green_percent,
                    version = release_route.version + 1, state = excluded.state, reason = excluded.reason,
                    changed_at = excluded.changed_at
                RETURNING green_percent, version""")) {
            upsert.setInt(1, greenPercent);
            upsert.setString(2, state.name());
            upsert.setString(3, reason);
            try (ResultSet row = upsert.executeQuery()) {
                row.next();
                return new ReleaseRoute(row.getInt(1), row.getLong(2));
            }
        } catch (SQLException e) {
            throw unreadable(e);
        }
    }

    /** Records where the release stands without moving the route (its version stays, so no copy reshares). */
    void mark(State state, String reason) {
        try (Connection c = dataSource.getConnection(); PreparedStatement update = c.prepareStatement(
                "UPDATE release_route SET state = ?, reason = ?, changed_at = now() WHERE id = 1")) {
            update.setString(1, state.name());
            update.setString(2, reason);
            update.executeUpdate();
        } catch (SQLException e) {
            throw unreadable(e);
        }
    }

    /** Messages the service's copies have parked since the release began: a new build that cannot apply them. */
    long deadLetters() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement query = c.prepareStatement("SELECT count(*) FROM dead_letter");
             ResultSet row = query.executeQuery()) {
            row.next();
            return row.getLong(1);
        } catch (SQLException e) {
            throw unreadable(e);
        }
    }

    private IllegalStateException unreadable(SQLException e) {
        return new IllegalStateException("cannot use the release route of " + service + " (has a copy of this build run"
                + " against its schema?): " + e.getMessage(), e);
    }
}
