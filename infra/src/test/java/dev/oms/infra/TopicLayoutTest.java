package dev.oms.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oms.infra.Topics.Layout;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TopicLayoutTest {

    @Test
    void aSingleBrokerKeepsOneCopyOfEachPartition() {
        assertThat(Layout.fromEnv(8, Map.<String, String>of()::get)).isEqualTo(new Layout(8, 1, 1));
    }

    @Test
    void aClusterOfThreeKeepsThreeCopiesAndNeedsTwoInSync() {
        assertThat(Layout.fromEnv(8, Map.of("OMS_KAFKA_REPLICATION_FACTOR", "3")::get)).isEqualTo(new Layout(8, 3, 2));
        assertThat(Layout.fromEnv(8, Map.of("OMS_KAFKA_REPLICATION_FACTOR", "3", "OMS_KAFKA_MIN_INSYNC_REPLICAS", "3",
                "OMS_KAFKA_PARTITIONS", "12")::get)).isEqualTo(new Layout(12, 3, 3));
    }

    @Test
    void refusesMoreInSyncReplicasThanCopies() {
        assertThatThrownBy(() -> new Layout(8, 1, 2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("min.insync.replicas 2");
    }
}
