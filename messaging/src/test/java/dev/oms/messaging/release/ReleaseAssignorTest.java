package dev.oms.messaging.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerPartitionAssignor.Assignment;
import org.apache.kafka.clients.consumer.ConsumerPartitionAssignor.GroupAssignment;
import org.apache.kafka.clients.consumer.ConsumerPartitionAssignor.GroupSubscription;
import org.apache.kafka.clients.consumer.ConsumerPartitionAssignor.Subscription;
import org.apache.kafka.common.Cluster;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class ReleaseAssignorTest {
    private static final String TOPIC = "oms.inventory.commands";
    private static final Cluster EIGHT_PARTITIONS = cluster(8);

    @Test
    void withoutAGreenCopyThePartitionsAreSharedEvenlyAmongTheBlueOnes() {
        Map<String, List<Integer>> held = assign(Map.of(
                "blue-1", member(ReleaseColor.BLUE, new ReleaseRoute(50, 3)),
                "blue-2", member(ReleaseColor.BLUE, new ReleaseRoute(50, 3))));

        assertThat(held.get("blue-1")).hasSize(4);
        assertThat(held.get("blue-2")).hasSize(4);
    }

    @Test
    void aTenPercentCanaryGetsOnePartitionAndEachStepOnlyAddsToGreens() {
        Map<String, List<Integer>> atTen = assign(Map.of(
                "blue", member(ReleaseColor.BLUE, new ReleaseRoute(10, 1)),
                "green", member(ReleaseColor.GREEN, new ReleaseRoute(10, 1))));
        Map<String, List<Integer>> atFifty = assign(Map.of(
                "blue", member(ReleaseColor.BLUE, new ReleaseRoute(50, 2)),
                "green", member(ReleaseColor.GREEN, new ReleaseRoute(50, 2))));

        assertThat(atTen.get("green")).containsExactly(0);
        assertThat(atTen.get("blue")).containsExactly(1, 2, 3, 4, 5, 6, 7);
        assertThat(atFifty.get("green")).containsExactly(0, 1, 2, 3).containsAll(atTen.get("green"));
        assertThat(atFifty.get("blue")).containsExactly(4, 5, 6, 7);
    }

    @Test
    void theLeaderFollowsTheNewestRouteAnyMemberBrings() {
        Map<String, List<Integer>> held = assign(Map.of(
                "blue", member(ReleaseColor.BLUE, new ReleaseRoute(10, 1)),
                "green", member(ReleaseColor.GREEN, new ReleaseRoute(100, 2))));

        assertThat(held.get("green")).hasSize(8);
        assertThat(held.get("blue")).isEmpty();
    }

    @Test
    void whenOnlyGreenCopiesRunTheyConsumeEverythingWhateverTheRoute() {
        Map<String, List<Integer>> held = assign(Map.of(
                "green-1", member(ReleaseColor.GREEN, new ReleaseRoute(10, 1)),
                "green-2", member(ReleaseColor.GREEN, new ReleaseRoute(10, 1))));

        assertThat(held.get("green-1").size() + held.get("green-2").size()).isEqualTo(8);
        assertThat(held.get("green-1")).doesNotContainAnyElementsOf(held.get("green-2"));
    }

    @Test
    void aMemberAssignedUnderTheCurrentRouteDoesNotAskForAnotherSharing() {
        ReleaseRoute route = new ReleaseRoute(50, 4);
        ReleaseMembership membership = new ReleaseMembership(ReleaseColor.GREEN, () -> route);
        ReleaseAssignor assignor = new ReleaseAssignor();
        assignor.configure(Map.of(ReleaseAssignor.MEMBERSHIP_CONFIG, membership));
        assertThat(membership.rebalanceDue()).isTrue();

        assignor.subscriptionUserData(java.util.Set.of(TOPIC));
        assertThat(membership.rebalanceDue()).as("asked once, while its join is under way").isFalse();

        assignor.onAssignment(new Assignment(List.of(), ByteBuffer.allocate(Long.BYTES).putLong(0, 4)), null);
        assertThat(membership.rebalanceDue()).isFalse();
    }

    @Test
    void greenTakesANearShareButAtLeastOnePartitionAndNeverAllBeforeOneHundredPercent() {
        assertThat(new ReleaseRoute(10, 1).greenPartitions(8)).isEqualTo(1);
        assertThat(new ReleaseRoute(1, 1).greenPartitions(3)).isEqualTo(1);
        assertThat(new ReleaseRoute(50, 1).greenPartitions(8)).isEqualTo(4);
        assertThat(new ReleaseRoute(99, 1).greenPartitions(8)).isEqualTo(7);
        assertThat(new ReleaseRoute(100, 1).greenPartitions(8)).isEqualTo(8);
        assertThat(new ReleaseRoute(0, 1).greenPartitions(8)).isZero();
    }

    private static Subscription member(ReleaseColor color, ReleaseRoute route) {
        return new Subscription(List.of(TOPIC), ReleaseAssignor.Member.encode(color, route));
    }

    private static Map<String, List<Integer>> assign(Map<String, Subscription> members) {
        GroupAssignment assignment = new ReleaseAssignor().assign(EIGHT_PARTITIONS, new GroupSubscription(members));
        Map<String, List<Integer>> held = new HashMap<>();
        assignment.groupAssignment().forEach((member, a) -> held.put(member,
                a.partitions().stream().map(TopicPartition::partition).sorted().toList()));
        return held;
    }

    private static Cluster cluster(int partitions) {
        Node node = new Node(1, "localhost", 9092);
        List<PartitionInfo> infos = new ArrayList<>();
        for (int p = 0; p < partitions; p++) {
            infos.add(new PartitionInfo(TOPIC, p, node, new Node[] {node}, new Node[] {node}));
        }
        return new Cluster("test", List.of(node), infos, java.util.Set.of(), java.util.Set.of());
    }
}
