package dev.oms.projections.replay;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Fresh copies of a projection's tables in a schema of their own, with the live tables' columns, constraints and
 * index names, so that once moved into the live schema nothing tells them from the tables they replace. Indexes are
 * built after the load, which is faster than keeping them up to date row by row; those behind a primary key or
 * unique constraint only when the load needs none (a load that upserts needs them from the start).
 */
final class StagingTables {
    private final String live;
    private final String staging;
    private final List<String> tables;
    private final List<String> deferredIndexes = new ArrayList<>();

    StagingTables(String live, String staging, List<String> tables) {
        this.live = live;
        this.staging = staging;
        this.tables = List.copyOf(tables);
    }

    String schema() {
        return staging;
    }

    /**
     * Creates the empty tables, or with {@code copyLive} copies of the live rows to replay over; with
     * {@code constraintsNow} their primary keys and unique constraints too, else after the load.
     */
    void create(Connection c, boolean copyLive, boolean constraintsNow) throws SQLException {
        inOneTransaction(c, () -> {
            execute(c, "DROP SCHEMA IF EXISTS " + staging + " CASCADE");
            execute(c, "CREATE SCHEMA " + staging);
            for (String table : tables) {
                createTable(c, table, constraintsNow);
                if (copyLive) {
                    execute(c, "INSERT INTO %s.%s OVERRIDING SYSTEM VALUE SELECT * FROM %s.%s"
                            .formatted(staging, table, live, table));
                    restartIdentities(c, table);
                }
            }
        });
    }

    private void createTable(Connection c, String table, boolean constraintsNow) throws SQLException {
        execute(c, ("CREATE TABLE %s.%s (LIKE %s.%s INCLUDING DEFAULTS INCLUDING IDENTITY INCLUDING GENERATED "
                + "INCLUDING CONSTRAINTS INCLUDING STORAGE)").formatted(staging, table, live, table));
        for (LiveIndex index : indexes(c, table)) {
            String definition = index.definition().replace(" ON " + live + "." + table + " ",
                    " ON " + staging + "." + table + " ");
            List<String> statements = index.constraint() == null ? List.of(definition) : List.of(definition,
                    "ALTER TABLE %s.%s ADD CONSTRAINT %s %s USING INDEX %s".formatted(staging, table, index.name(),
                            index.constraint(), index.name()));
            if (index.constraint() != null && constraintsNow) {
                for (String statement : statements) {
                    execute(c, statement);
                }
            } else {
                deferredIndexes.addAll(statements);
            }
        }
    }

    void buildDeferredIndexes(Connection c) throws SQLException {
        inOneTransaction(c, () -> {
            for (String definition : deferredIndexes) {
                execute(c, definition);
            }
        });
        deferredIndexes.clear();
    }

    /** Takes the live tables, blocking their writers until the transaction ends; lock order is the table order. */
    void lockLive(Connection c) throws SQLException {
        execute(c, "LOCK TABLE " + String.join(", ", tables.stream().map(t -> live + "." + t).toList())
                + " IN ACCESS EXCLUSIVE MODE");
    }

    /** In the caller's transaction: moves the live tables out to {@code retired} and the rebuilt ones in. */
    void swap(Connection c, String retired) throws SQLException {
        execute(c, "CREATE SCHEMA " + retired);
        for (String table : tables) {
            execute(c, "ALTER TABLE %s.%s SET SCHEMA %s".formatted(live, table, retired));
            execute(c, "ALTER TABLE %s.%s SET SCHEMA %s".formatted(staging, table, live));
        }
    }

    /** In the caller's transaction: the tables whose rows differ from the live table's, by {@link TableChecksum}. */
    List<String> differingFromLive(Connection c) throws SQLException {
        List<String> differing = new ArrayList<>();
        for (String table : tables) {
            if (!TableChecksum.of(c, live, table).equals(TableChecksum.of(c, staging, table))) {
                differing.add(table);
            }
        }
        return differing;
    }

    void drop(Connection c, String schema) throws SQLException {
        execute(c, "DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }

    private record LiveIndex(String name, String definition, String constraint) {}

    private List<LiveIndex> indexes(Connection c, String table) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("""
                SELECT i.relname, pg_get_indexdef(i.oid),
                       CASE con.contype WHEN 'p' THEN 'PRIMARY KEY' WHEN 'u' THEN 'UNIQUE' END
                  FROM pg_index x
                  JOIN pg_class i ON i.oid = x.indexrelid
                  JOIN pg_class t ON t.oid = x.indrelid
                  JOIN pg_namespace n ON n.oid = t.relnamespace
                  LEFT JOIN pg_constraint con ON con.conindid = i.oid AND con.contype IN ('p', 'u')
                 WHERE n.nspname = ? AND t.relname = ?
                 ORDER BY con.contype NULLS LAST, i.relname""")) {
            select.setString(1, live);
            select.setString(2, table);
            try (ResultSet rows = select.executeQuery()) {
                List<LiveIndex> result = new ArrayList<>();
                while (rows.next()) {
                    result.add(new LiveIndex(rows.getString(1), rows.getString(2), rows.getString(3)));
                }
                return result;
            }
        }
    }

    private void restartIdentities(Connection c, String table) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("""
                SELECT column_name FROM information_schema.columns
                 WHERE table_schema = ? AND table_name = ? AND is_identity = 'YES'""")) {
            select.setString(1, staging);
            select.setString(2, table);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    String column = rows.getString(1);
                    execute(c, ("SELECT setval(pg_get_serial_sequence('%1$s.%2$s', '%3$s'), "
                            + "COALESCE((SELECT max(%3$s) FROM %1$s.%2$s), 0) + 1, false)").formatted(staging, table, column));
                }
            }
        }
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement statement = c.createStatement()) {
            statement.execute(sql);
        }
    }

    @FunctionalInterface
    private interface SqlBlock {
        void run() throws SQLException;
    }

    /**
     * Staging tables are scratch until the swap: their DDL commits once, without waiting for its WAL to reach disk
     * (the swap's own commit flushes it, as WAL is flushed in order).
     */
    private static void inOneTransaction(Connection c, SqlBlock block) throws SQLException {
        c.setAutoCommit(false);
        try {
            execute(c, "SET LOCAL synchronous_commit TO off");
            block.run();
            c.commit();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }
}
