package dev.oms.app.platform;

import com.zaxxer.hikari.HikariDataSource;
import dev.oms.audit.AuditLog;
import dev.oms.audit.AuditService;
import dev.oms.infra.DbConfig;
import java.time.Clock;
import java.util.Objects;

/**
 * Starts the audit log: migrated by the database owner, written by its own login role that may only append
 * (password from OMS_AUDIT_DB_PASSWORD, empty under trust authentication).
 */
final class AuditLauncher {
    private AuditLauncher() {}

    static AutoCloseable start(DbConfig db, String kafka, Clock clock) {
        HikariDataSource owner = db.dataSource("audit-owner", AuditLog.SCHEMA, 2);
        HikariDataSource writer = null;
        try {
            AuditLog.migrate(owner, clock.instant());
            writer = new DbConfig(db.jdbcUrl(), AuditLog.WRITER_ROLE,
                    Objects.requireNonNullElse(System.getenv("OMS_AUDIT_DB_PASSWORD"), ""))
                    .dataSource("audit-writer", AuditLog.SCHEMA, 2);
            AuditService service = AuditService.start(owner, writer, kafka, clock);
            HikariDataSource writerPool = writer;
            return () -> {
                service.close();
                writerPool.close();
                owner.close();
            };
        } catch (RuntimeException e) {
            if (writer != null) {
                writer.close();
            }
            owner.close();
            throw e;
        }
    }
}
