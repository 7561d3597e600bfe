package dev.oms.infra;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Kafka topic helpers. */
public final class Topics {

    private static final Logger log = LoggerFactory.getLogger(Topics.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final long POLL_MS = 100;

    private Topics() {
    }

    /** Creates the topics if missing (replication factor 1), waiting until each exists and every partition has a leader. Idempotent. */
    public static void ensure(String bootstrap, int partitions, Collection<String> names) {
        ensure(bootstrap, new Layout(partitions, 1, 1), names);
    }

    /**
     * How topics are laid out on a cluster: partitions (copies of a consumer share them), replicas of each partition
     * and how many of them must have a record before acks=all succeeds. A single broker: 1 and 1; a cluster of three:
     * 3 and 2, so one broker may be lost without losing or refusing a record.
     */
    public record Layout(int partitions, int replicationFactor, int minInsyncReplicas) {
        public Layout {
            if (partitions < 1 || replicationFactor < 1 || minInsyncReplicas < 1 || minInsyncReplicas > replicationFactor) {
                throw new IllegalArgumentException("invalid topic layout: " + partitions + " partitions, replication "
                        + replicationFactor + ", min.insync.replicas " + minInsyncReplicas);
            }
        }

        /** OMS_KAFKA_PARTITIONS, OMS_KAFKA_REPLICATION_FACTOR (default 1), OMS_KAFKA_MIN_INSYNC_REPLICAS (default: replication - 1, at least 1). */
        public static Layout fromEnv(int defaultPartitions) {
            return fromEnv(defaultPartitions, System::getenv);
        }

        static Layout fromEnv(int defaultPartitions, java.util.function.UnaryOperator<String> env) {
            int replication = number(env.apply("OMS_KAFKA_REPLICATION_FACTOR"), 1);
            return new Layout(number(env.apply("OMS_KAFKA_PARTITIONS"), defaultPartitions), replication,
                    number(env.apply("OMS_KAFKA_MIN_INSYNC_REPLICAS"), Math.max(1, replication - 1)));
        }

        private static int number(String value, int otherwise) {
            return value == null || value.isBlank() ? otherwise : Integer.parseInt(value.trim());
        }
    }

    /** Creates the topics if missing with this layout, waiting until each exists and every partition has a leader. */
    public static void ensure(String bootstrap, Layout layout, Collection<String> names) {
        int partitions = layout.partitions();
        Set<String> wanted = Set.copyOf(names);
        if (wanted.isEmpty()) {
            return;
        }
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis()))) {
            Set<String> existing = get(admin.listTopics().names());
            List<NewTopic> missing = wanted.stream()
                    .filter(name -> !existing.contains(name))
                    .map(name -> new NewTopic(name, partitions, (short) layout.replicationFactor())
                            .configs(Map.of("min.insync.replicas", String.valueOf(layout.minInsyncReplicas()))))
                    .toList();
            for (KafkaFuture<Void> created : admin.createTopics(missing).values().values()) {
                try {
                    get(created);
                } catch (IllegalStateException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) { // someone else created it meanwhile
                        throw e;
                    }
                }
            }
            awaitLeaders(admin, wanted, partitions);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topics " + wanted, e);
        }
        log.debug("Topics ready on {}: {}", bootstrap, wanted);
    }

    private static void awaitLeaders(Admin admin, Set<String> names, int partitions) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (true) {
            try {
                Map<String, TopicDescription> described = get(admin.describeTopics(names).allTopicNames());
                if (described.values().stream().allMatch(Topics::allPartitionsLed)) {
                    described.values().stream()
                            .filter(d -> d.partitions().size() != partitions)
                            .forEach(d -> log.warn("Topic {} exists with {} partitions, not {}",
                                    d.name(), d.partitions().size(), partitions));
                    return;
                }
            } catch (IllegalStateException e) {
                if (!(e.getCause() instanceof RetriableException)) { // e.g. not yet known to the broker
                    throw e;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Topics " + names + " not ready after " + TIMEOUT);
            }
            TimeUnit.MILLISECONDS.sleep(POLL_MS);
        }
    }

    private static boolean allPartitionsLed(TopicDescription description) {
        return description.partitions().stream().allMatch(p -> p.leader() != null && !p.leader().isEmpty());
    }

    private static <T> T get(KafkaFuture<T> future) throws InterruptedException {
        try {
            return future.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka admin call failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka admin call timed out after " + TIMEOUT, e);
        }
    }
}
