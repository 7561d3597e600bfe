package dev.oms.messaging;

import java.time.Duration;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commits a consumer's offsets without waiting for the broker, at most once per interval while records keep
 * coming and at once when a poll comes back empty. An offset is only where a restarted consumer resumes: the
 * records applied after the last commit that landed are delivered again and skipped by the consumer's
 * idempotence (inbox, keyed append), so committing less often trades a little redelivery after a crash for one
 * broker round trip (and a write to the offsets log) per poll: once a second is at most a second of records read
 * again after a crash, each an inbox lookup.
 */
final class OffsetCommits {
    private static final Logger log = LoggerFactory.getLogger(OffsetCommits.class);
    static final Duration INTERVAL = Duration.ofSeconds(1);

    private final String consumerName;
    private long lastCommitNanos = System.nanoTime();
    private boolean pending;
    private boolean pollInHand;

    OffsetCommits(String consumerName) {
        this.consumerName = consumerName;
    }

    /** A poll's records are being applied: until {@link #applied}, its offsets must not be committed. */
    void applying() {
        pollInHand = true;
    }

    /** The records of the last poll are applied: commits if the last commit is older than the interval. */
    void applied(KafkaConsumer<String, byte[]> consumer) {
        pollInHand = false;
        pending = true;
        if (System.nanoTime() - lastCommitNanos >= INTERVAL.toNanos()) {
            commit(consumer);
        }
    }

    /** A poll brought nothing: commits what is still uncommitted. */
    void idle(KafkaConsumer<String, byte[]> consumer) {
        if (pending) {
            commit(consumer);
        }
    }

    /** Partitions are about to go to another copy: commits, and waits for it, unless a poll is only partly applied. */
    void beforeHandOver(KafkaConsumer<String, byte[]> consumer) {
        if (!pending || pollInHand) {
            return;
        }
        try {
            consumer.commitSync(INTERVAL);
            pending = false;
            lastCommitNanos = System.nanoTime();
        } catch (RuntimeException e) {
            // the next owner re-reads from the last commit that landed; its inbox skips what this copy applied
            log.info("{}: the offset commit before a handover failed: {}", consumerName, e.toString());
        }
    }

    private void commit(KafkaConsumer<String, byte[]> consumer) {
        pending = false;
        lastCommitNanos = System.nanoTime();
        consumer.commitAsync((offsets, error) -> {
            if (error != null) {
                // harmless: the next commit covers these offsets, or a restart redelivers what they covered
                log.info("{}: an offset commit failed: {}", consumerName, error.toString());
            }
        });
    }
}
