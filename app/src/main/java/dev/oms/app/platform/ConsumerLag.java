package dev.oms.app.platform;

import dev.oms.messaging.ConsumerGroupLag;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;

/**
 * {@code oms_consumer_lag{group}}: records on the broker that a consumer group has not yet committed, summed over
 * its partitions; read from the broker every 10 s by one admin client, so a scrape never waits on Kafka.
 */
final class ConsumerLag implements AutoCloseable {
    private final Admin admin;
    private final MultiGauge gauge = MultiGauge.builder("oms.consumer.lag")
            .description("Records not yet consumed, per consumer group").baseUnit("records")
            .register(Metrics.globalRegistry);
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "oms-consumer-lag");
        thread.setDaemon(true);
        return thread;
    });

    private ConsumerLag(String bootstrap) {
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.CLIENT_ID_CONFIG, "oms-consumer-lag"));
    }

    static ConsumerLag start(String bootstrap) {
        ConsumerLag lag = new ConsumerLag(bootstrap);
        lag.timer.scheduleWithFixedDelay(lag::refresh, 0, 10, TimeUnit.SECONDS);
        return lag;
    }

    private void refresh() {
        try {
            List<MultiGauge.Row<?>> rows = new ArrayList<>();
            for (ConsumerGroupListing group : admin.listConsumerGroups().all().get(5, TimeUnit.SECONDS)) {
                rows.add(MultiGauge.Row.of(Tags.of("group", group.groupId()), lag(group.groupId())));
            }
            gauge.register(rows, true);
        } catch (Exception e) {
            // the broker is away: keep the last values; the next round tries again
        }
    }

    private long lag(String group) throws Exception {
        return ConsumerGroupLag.of(admin, group);
    }

    @Override
    public void close() {
        timer.shutdownNow();
        gauge.register(List.of(), true);
        admin.close(Duration.ofSeconds(1)); // the broker may already be gone: don't wait for it
    }
}
