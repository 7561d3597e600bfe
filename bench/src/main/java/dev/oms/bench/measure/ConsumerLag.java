package dev.oms.bench.measure;

import dev.oms.messaging.ConsumerGroupLag;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.common.GroupState;

/**
 * Records on the broker that the platform's consumer groups have not committed yet. Once every saga has ended the
 * read side (projections, audit log) may still be behind; the run's cost is read only when it has caught up.
 */
public final class ConsumerLag implements AutoCloseable {
    private final Admin admin;

    public ConsumerLag(String bootstrap) {
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.CLIENT_ID_CONFIG, "oms-bench-lag"));
    }

    /**
     * Waits until no group lags, twice in a row a second apart (a relay may be about to publish), or the timeout; at
     * once when the broker cannot tell.
     */
    public void awaitCaughtUp(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int quiet = 0;
        while (quiet < 2 && System.nanoTime() < deadline) {
            long lag = total();
            if (lag < 0) {
                return;
            }
            quiet = lag == 0 ? quiet + 1 : 0;
            TimeUnit.SECONDS.sleep(1);
        }
    }

    /**
     * Summed over every consumer group with members (a group nobody consumes for any more lags for ever); -1 when the
     * broker cannot tell.
     */
    public long total() {
        try {
            long lag = 0;
            for (ConsumerGroupListing group : admin.listConsumerGroups().all().get(5, TimeUnit.SECONDS)) {
                if (group.groupState().map(state -> state != GroupState.EMPTY && state != GroupState.DEAD).orElse(true)) {
                    lag += lag(group.groupId());
                }
            }
            return lag;
        } catch (Exception e) {
            return -1;
        }
    }

    private long lag(String group) throws Exception {
        return ConsumerGroupLag.of(admin, group);
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(1));
    }
}
