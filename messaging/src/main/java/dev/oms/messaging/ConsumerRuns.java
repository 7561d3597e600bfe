package dev.oms.messaging;

import dev.oms.messaging.release.ReleaseMembership;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a Kafka consumer's loop until closed: polls its topics, hands each non-empty poll to its handler and commits
 * the offsets once the handler has applied the poll ({@link OffsetCommits}). Whatever makes a run fail (an offset commit refused after a rebalance,
 * because the thread was held longer than max.poll.interval.ms; the database gone mid-run) ends only that run: the
 * next one starts a second later, with a new consumer, from the committed offsets; the consumer's idempotence (an
 * inbox, a keyed append) turns what the failed run did without committing into no-ops. A consumer that silently
 * stopped would leave its work undone.
 */
public final class ConsumerRuns implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ConsumerRuns.class);
    private static final Duration RESTART_PAUSE = Duration.ofSeconds(1);

    private final String name;
    private final String bootstrap;
    private final String groupId;
    private final Collection<String> topics;
    private final PollHandler handler;
    private final ReleaseMembership membership;
    private volatile KafkaConsumer<String, byte[]> current;
    private volatile boolean running;
    private Thread thread;

    /** Applies a poll's records; false when it stopped before they were all applied, so nothing may be committed. */
    @FunctionalInterface
    public interface PollHandler {
        boolean apply(ConsumerRecords<String, byte[]> records);
    }

    public ConsumerRuns(String name, String bootstrap, String groupId, Collection<String> topics, PollHandler handler) {
        this(name, bootstrap, groupId, topics, handler, ReleaseMembership.unrouted());
    }

    /** As above, in a group whose partitions a blue/green release shares out ({@link ReleaseMembership}). */
    public ConsumerRuns(String name, String bootstrap, String groupId, Collection<String> topics, PollHandler handler,
                        ReleaseMembership membership) {
        this.membership = membership;
        this.name = name;
        this.bootstrap = bootstrap;
        this.groupId = groupId;
        this.topics = List.copyOf(topics);
        this.handler = handler;
    }

    public void start() {
        running = true;
        thread = new Thread(this::loop, name + "-consumer");
        thread.setDaemon(true);
        thread.start();
    }

    public boolean running() {
        return running;
    }

    private void loop() {
        while (running) {
            KafkaConsumer<String, byte[]> consumer = KafkaClients.consumer(bootstrap, groupId, membership);
            current = consumer;
            try {
                if (running) {
                    consume(consumer);
                }
            } catch (WakeupException e) {
                // close() asked us to stop
            } catch (RuntimeException e) {
                if (running) {
                    log.error("{} consumer failed, starting it again from its committed offsets: {}", name, e.toString(), e);
                    MessagingMetrics.consumerRestarted(name);
                    pause();
                }
            } finally {
                consumer.close(Duration.ofSeconds(5));
            }
        }
    }

    private void consume(KafkaConsumer<String, byte[]> consumer) {
        OffsetCommits commits = new OffsetCommits(name);
        consumer.subscribe(topics, new HandOver(consumer, commits));
        while (running) {
            ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(200));
            if (records.isEmpty()) {
                commits.idle(consumer);
            } else {
                commits.applying();
                if (!handler.apply(records)) {
                    return;
                }
                commits.applied(consumer);
            }
            if (membership.rebalanceDue()) {
                log.info("{}: the release route changed, sharing the partitions again", name);
                consumer.enforceRebalance("release route changed");
            }
        }
    }

    /**
     * Before partitions go to another copy (a release's handover, a copy joining or leaving), commits what was applied,
     * so the next owner starts where this one stopped rather than re-reading up to a commit interval (which its inbox
     * would skip anyway). Nothing is committed while a poll is only partly applied.
     */
    private record HandOver(KafkaConsumer<String, byte[]> consumer, OffsetCommits commits)
            implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            commits.beforeHandOver(consumer);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
        }
    }

    private static void pause() {
        try {
            Thread.sleep(RESTART_PAUSE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        KafkaConsumer<String, byte[]> consumer = current;
        if (consumer != null) {
            consumer.wakeup();
        }
        if (thread != null) {
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
