package dev.oms.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The audit log's schema and its upkeep, done by the schema owner: migration (which also grants the writer role
 * INSERT and SELECT, nothing more) and the monthly partitions, created ahead of the month they hold.
 */
public final class AuditLog {
    public static final String SCHEMA = "audit";
    public static final String TABLE = SCHEMA + ".message";
    /** The login role the audit consumer writes with: it can append and read, never change or delete. */
    public static final String WRITER_ROLE = "oms_audit";

    private AuditLog() {}

    /** Migrates the schema and makes sure this month's and next month's partitions exist. */
    public static void migrate(DataSource owner, Instant now) {
        Flyway.configure()
                .dataSource(owner)
                .schemas(SCHEMA)
                .defaultSchema(SCHEMA)
                .createSchemas(true)
                .locations("classpath:db/audit")
                .table("audit_schema_history")
                .load()
                .migrate();
        ensurePartitions(owner, now);
    }

    public static void ensurePartitions(DataSource owner, Instant now) {
        LocalDate month = LocalDate.ofInstant(now, ZoneOffset.UTC).withDayOfMonth(1);
        try (Connection c = owner.getConnection();
             PreparedStatement ensure = c.prepareStatement("SELECT " + SCHEMA + ".ensure_month_partition(?)")) {
            c.setAutoCommit(false);
            try (Statement local = c.createStatement()) {
                local.execute("SET LOCAL search_path TO " + SCHEMA);
            }
            for (LocalDate m : new LocalDate[] {month, month.plusMonths(1)}) {
                ensure.setObject(1, m);
                ensure.execute();
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create audit partitions", e);
        }
    }
}
