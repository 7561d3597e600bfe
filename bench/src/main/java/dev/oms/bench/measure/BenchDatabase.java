package dev.oms.bench.measure;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * The bench's read-only window on the platform's database. It counts its own statements (each one an autocommit
 * transaction) so that they can be taken out of the platform's commit count.
 */
public final class BenchDatabase {
    private final DataSource dataSource;
    private final AtomicLong transactions = new AtomicLong();

    public BenchDatabase(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @FunctionalInterface
    public interface Binder {
        void bind(Connection connection, PreparedStatement statement) throws SQLException;
    }

    @FunctionalInterface
    public interface Reader<T> {
        T read(ResultSet rows) throws SQLException;
    }

    public <T> T query(String sql, Binder binder, Reader<T> reader) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(connection, statement);
            transactions.incrementAndGet();
            try (ResultSet rows = statement.executeQuery()) {
                return reader.read(rows);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("bench query failed: " + e.getMessage(), e);
        }
    }

    public <T> T query(String sql, Reader<T> reader) {
        return query(sql, (connection, statement) -> { }, reader);
    }

    /** Binds a text array, for {@code = ANY (?)}. */
    public static Binder texts(String... values) {
        return (connection, statement) -> statement.setArray(1, connection.createArrayOf("text", values));
    }

    /** How many transactions the bench itself has run on the database so far. */
    public long transactions() {
        return transactions.get();
    }
}
