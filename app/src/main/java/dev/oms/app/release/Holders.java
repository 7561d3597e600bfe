package dev.oms.app.release;

import dev.oms.messaging.release.ReleaseColor;
import dev.oms.messaging.release.ReleaseRoute;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;

/** Who holds a service's partitions: its consumer group (named after the service) as the broker describes it. */
final class Holders {
    private static final Duration POLL = Duration.ofMillis(250);

    /** The partitions and copies on each side, at one moment. */
    record Holding(int green, int blue, int greenCopies, int blueCopies, Map<String, Integer> partitions) {
        int total() {
            return partitions.values().stream().mapToInt(Integer::intValue).sum();
        }

        /** Every partition held, green's share as the route says (all to one side when the other has no copy). */
        boolean matches(ReleaseRoute route) {
            if (green + blue != total() || total() == 0) {
                return false;
            }
            int expected = 0;
            for (int count : partitions.values()) {
                expected += greenCopies == 0 ? 0 : blueCopies == 0 ? count : route.greenPartitions(count);
            }
            return green == expected;
        }

        @Override
        public String toString() {
            return "green %d/%d partitions (%d %s), blue %d/%d (%d %s)".formatted(green, total(), greenCopies,
                    greenCopies == 1 ? "copy" : "copies", blue, total(), blueCopies, blueCopies == 1 ? "copy" : "copies");
        }
    }

    private final Admin admin;
    private final String group;

    Holders(Admin admin, String group) {
        this.admin = admin;
        this.group = group;
    }

    Holding now() {
        try {
            ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group)).all()
                    .get(10, TimeUnit.SECONDS).get(group);
            int green = 0;
            int blue = 0;
            int greenCopies = 0;
            int blueCopies = 0;
            Map<String, Integer> topics = new HashMap<>();
            for (MemberDescription member : description.members()) {
                int held = member.assignment().topicPartitions().size();
                if (member.clientId().endsWith("-" + ReleaseColor.GREEN.id())) {
                    green += held;
                    greenCopies++;
                } else {
                    blue += held;
                    blueCopies++;
                }
                for (TopicPartition p : member.assignment().topicPartitions()) {
                    topics.putIfAbsent(p.topic(), 0);
                }
            }
            for (var topic : admin.describeTopics(topics.keySet()).allTopicNames().get(10, TimeUnit.SECONDS).entrySet()) {
                topics.put(topic.getKey(), topic.getValue().partitions().size());
            }
            return new Holding(green, blue, greenCopies, blueCopies, topics);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof GroupIdNotFoundException) {
                return new Holding(0, 0, 0, 0, Map.of()); // no copy of the service consumes (e.g. cart)
            }
            throw new IllegalStateException("cannot describe consumer group " + group + ": " + e.getMessage(), e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("cannot describe consumer group " + group + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Waits until the group holds its partitions as {@code route} says; the holding then, or null after {@code within}. */
    Holding awaitHandover(ReleaseRoute route, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            Holding holding = now();
            if (holding.matches(route)) {
                return holding;
            }
            Thread.sleep(POLL.toMillis());
        }
        return null;
    }
}
