package dev.oms.messaging.testing;

import com.google.protobuf.Message;
import dev.oms.contracts.MessageTypes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Reads what a service has emitted and not yet relayed: its outbox, oldest first. */
public final class OutboxReader {
    private OutboxReader() {}

    /** One emitted message: topic, saga id and parsed payload. */
    public record Emitted(String topic, String correlationId, String sagaId, Message payload) {
        public <T extends Message> T as(Class<T> type) {
            return type.cast(payload);
        }
    }

    public static List<Emitted> all(DataSource dataSource) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement(
                     "SELECT topic, correlation_id, saga_id, type, payload FROM outbox ORDER BY id");
             ResultSet row = select.executeQuery()) {
            List<Emitted> emitted = new ArrayList<>();
            while (row.next()) {
                emitted.add(new Emitted(row.getString("topic"), row.getString("correlation_id"), row.getString("saga_id"),
                        MessageTypes.parse(row.getString("type"), row.getBytes("payload"))));
            }
            return emitted;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The payloads of the given type, oldest first. */
    public static <T extends Message> List<T> ofType(DataSource dataSource, Class<T> type) {
        return all(dataSource).stream().map(Emitted::payload).filter(type::isInstance).map(type::cast).toList();
    }

    /** Empties the outbox, so that a test sees only what comes next. */
    public static void clear(DataSource dataSource) {
        try (Connection c = dataSource.getConnection(); PreparedStatement delete = c.prepareStatement("DELETE FROM outbox")) {
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
