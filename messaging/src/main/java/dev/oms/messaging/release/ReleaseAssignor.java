package dev.oms.messaging.release;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.ConsumerPartitionAssignor;
import org.apache.kafka.common.Cluster;
import org.apache.kafka.common.Configurable;
import org.apache.kafka.common.TopicPartition;

/**
 * Shares a group's partitions between blue and green copies by the release route: per topic, green copies get
 * {@link ReleaseRoute#greenPartitions} partitions (the lowest-numbered, so each step of a release only adds to
 * green's), blue the rest, each colour's partitions dealt round robin among its copies. Each member brings its colour
 * and the newest route it has read; the group leader uses the newest route any member brought. Availability comes
 * before the route: when one colour has no copy in the group, the other gets every partition.
 *
 * <p>Without a release (no green copy) this is a plain even split, like Kafka's range assignor, which it replaces as
 * the group's first choice; members of an older build that only know the range assignor keep the group on that.
 */
public final class ReleaseAssignor implements ConsumerPartitionAssignor, Configurable {
    /** The consumer config entry that carries the member's {@link ReleaseMembership} (an object, not a string). */
    public static final String MEMBERSHIP_CONFIG = "oms.release.membership";
    public static final String NAME = "oms-release";

    private ReleaseMembership membership = ReleaseMembership.unrouted();

    @Override
    public void configure(Map<String, ?> configs) {
        Object given = configs.get(MEMBERSHIP_CONFIG);
        if (given instanceof ReleaseMembership m) {
            membership = m;
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ByteBuffer subscriptionUserData(Set<String> topics) {
        ReleaseRoute route = membership.advertise();
        return Member.encode(membership.color(), route);
    }

    @Override
    public GroupAssignment assign(Cluster metadata, GroupSubscription group) {
        Map<String, Member> members = new HashMap<>();
        group.groupSubscription().forEach((id, subscription) -> members.put(id, Member.decode(subscription)));
        ReleaseRoute route = members.values().stream().map(Member::route)
                .max(Comparator.comparingLong(ReleaseRoute::version)).orElse(ReleaseRoute.NONE);
        Map<String, List<TopicPartition>> assigned = new HashMap<>();
        members.keySet().forEach(id -> assigned.put(id, new ArrayList<>()));
        Set<String> topics = new TreeSet<>();
        group.groupSubscription().values().forEach(s -> topics.addAll(s.topics()));
        for (String topic : topics) {
            Integer partitions = metadata.partitionCountForTopic(topic);
            if (partitions != null) {
                share(topic, partitions, route, members, group, assigned);
            }
        }
        Map<String, Assignment> assignments = new HashMap<>();
        ByteBuffer version = ByteBuffer.allocate(Long.BYTES).putLong(0, route.version());
        assigned.forEach((id, partitions) -> assignments.put(id, new Assignment(partitions, version.duplicate())));
        return new GroupAssignment(assignments);
    }

    private static void share(String topic, int partitions, ReleaseRoute route, Map<String, Member> members,
                              GroupSubscription group, Map<String, List<TopicPartition>> assigned) {
        List<String> blue = new ArrayList<>();
        List<String> green = new ArrayList<>();
        new TreeSet<>(members.keySet()).forEach(id -> {
            if (group.groupSubscription().get(id).topics().contains(topic)) {
                (members.get(id).color() == ReleaseColor.GREEN ? green : blue).add(id);
            }
        });
        int toGreen = green.isEmpty() ? 0 : blue.isEmpty() ? partitions : route.greenPartitions(partitions);
        for (int p = 0; p < partitions; p++) {
            List<String> side = p < toGreen ? green : blue;
            int index = p < toGreen ? p : p - toGreen;
            assigned.get(side.get(index % side.size())).add(new TopicPartition(topic, p));
        }
    }

    @Override
    public void onAssignment(Assignment assignment, ConsumerGroupMetadata metadata) {
        ByteBuffer data = assignment.userData();
        if (data != null && data.remaining() >= Long.BYTES) {
            membership.assignedUnder(data.getLong(data.position()));
        }
    }

    /** What a member brings to the sharing: its colour and the newest route it has read. */
    record Member(ReleaseColor color, ReleaseRoute route) {
        static ByteBuffer encode(ReleaseColor color, ReleaseRoute route) {
            ByteBuffer data = ByteBuffer.allocate(1 + Long.BYTES + Integer.BYTES);
            data.put((byte) color.ordinal()).putLong(route.version()).putInt(route.greenPercent());
            return data.flip();
        }

        static Member decode(Subscription subscription) {
            ByteBuffer data = subscription.userData();
            if (data == null || data.remaining() < 1 + Long.BYTES + Integer.BYTES) {
                return new Member(ReleaseColor.BLUE, ReleaseRoute.NONE);
            }
            ByteBuffer read = data.duplicate();
            ReleaseColor color = read.get() == ReleaseColor.GREEN.ordinal() ? ReleaseColor.GREEN : ReleaseColor.BLUE;
            long version = read.getLong();
            return new Member(color, new ReleaseRoute(read.getInt(), version));
        }
    }
}
