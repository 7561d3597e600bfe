package dev.oms.audit;

import dev.oms.contracts.Channels;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit log running: the schema migrated and its partitions made by the owner, and the consumer appending every
 * topic of the bus as the writer role. Partitions for the next month are made again every few hours.
 */
public final class AuditService implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AuditService.class);
    private static final long PARTITION_CHECK_HOURS = 6;

    private final AuditConsumer consumer;
    private final ScheduledExecutorService upkeep;

    private AuditService(AuditConsumer consumer, ScheduledExecutorService upkeep) {
        this.consumer = consumer;
        this.upkeep = upkeep;
    }

    /** Starts on a schema {@link AuditLog#migrate migrated} before (which also creates the writer role). */
    public static AuditService start(DataSource owner, DataSource writer, String bootstrap, Clock clock) {
        ScheduledExecutorService upkeep = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "audit-partitions");
            t.setDaemon(true);
            return t;
        });
        upkeep.scheduleWithFixedDelay(() -> {
            try {
                AuditLog.ensurePartitions(owner, clock.instant());
            } catch (RuntimeException e) {
                log.warn("audit partition upkeep failed: {}", e.toString());
            }
        }, PARTITION_CHECK_HOURS, PARTITION_CHECK_HOURS, TimeUnit.HOURS);
        AuditConsumer consumer = new AuditConsumer(writer, bootstrap, Channels.ALL);
        consumer.start();
        return new AuditService(consumer, upkeep);
    }

    @Override
    public void close() {
        upkeep.shutdownNow();
        consumer.close();
    }
}
