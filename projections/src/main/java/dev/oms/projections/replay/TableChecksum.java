package dev.oms.projections.replay;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A table's content as one value: the row count and the sum of a 64-bit hash of each row (PostgreSQL's own
 * {@code hash_record_extended}, which hashes the values without rendering them as text). The sum does not depend on
 * the order rows are stored in, so it needs no sort, which keeps it fast enough to take while the live tables are
 * locked for a swap. Identity columns are left out: they number rows in the order they were inserted, which a rebuild
 * does not reproduce.
 */
public final class TableChecksum {
    private TableChecksum() {}

    public static String of(Connection c, String schema, String table) throws SQLException {
        String columns = String.join(", ", columns(c, schema, table));
        String sql = "SELECT count(*) || ':' || COALESCE(sum(hash_record_extended(r, 0)), 0) "
                + "FROM (SELECT " + columns + " FROM " + quoted(schema) + "." + quoted(table) + ") r";
        try (PreparedStatement select = c.prepareStatement(sql); ResultSet row = select.executeQuery()) {
            row.next();
            return row.getString(1);
        }
    }

    private static List<String> columns(Connection c, String schema, String table) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("""
                SELECT column_name FROM information_schema.columns
                 WHERE table_schema = ? AND table_name = ? AND is_identity = 'NO' ORDER BY ordinal_position""")) {
            select.setString(1, schema);
            select.setString(2, table);
            try (ResultSet rows = select.executeQuery()) {
                List<String> names = new ArrayList<>();
                while (rows.next()) {
                    names.add(quoted(rows.getString(1)));
                }
                if (names.isEmpty()) {
                    throw new SQLException("no table " + schema + "." + table);
                }
                return names;
            }
        }
    }

    private static String quoted(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
