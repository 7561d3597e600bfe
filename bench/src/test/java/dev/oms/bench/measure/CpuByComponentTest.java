package dev.oms.bench.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CpuByComponentTest {

    @Test
    void threadsAreCountedToThePartThatNamedThem() {
        assertThat(CpuByComponent.ofJavaThread("order-consumer")).isEqualTo("order");
        assertThat(CpuByComponent.ofJavaThread("kafka-producer-network-thread | inventory-relay")).isEqualTo("inventory");
        assertThat(CpuByComponent.ofJavaThread("projections-outbox-relay")).isEqualTo("projections");
        assertThat(CpuByComponent.ofJavaThread("projection-listener")).isEqualTo("projections");
        assertThat(CpuByComponent.ofJavaThread("data-plane-kafka-request-handler-0")).isEqualTo("kafka broker and clients");
        assertThat(CpuByComponent.ofJavaThread("bench-saga-watcher")).isEqualTo("load driver");
        assertThat(CpuByComponent.ofJavaThread("http-nio-8080-exec-3")).isEqualTo("bff");
    }

    @Test
    void connectionsAreCountedToThePoolThatOpenedThem() {
        assertThat(CpuByComponent.ofConnection("payment")).isEqualTo("payment");
        assertThat(CpuByComponent.ofConnection("oms-bench")).isEqualTo("load driver");
        assertThat(CpuByComponent.ofConnection(null)).isEqualTo("unnamed");
    }

    @Test
    void aRunCountsWhatEachPartUsedSinceTheStart() {
        Map<String, Double> used = CpuByComponent.since(Map.of("jvm order", 1.0, "jvm jit", 2.0),
                Map.of("jvm order", 3.5, "jvm jit", 2.001, "postgres order", 0.5));
        assertThat(used).containsOnly(Map.entry("jvm order", 2.5), Map.entry("postgres order", 0.5));
    }
}
