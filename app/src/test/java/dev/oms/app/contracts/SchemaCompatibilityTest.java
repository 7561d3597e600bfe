package dev.oms.app.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oms.app.contracts.Registration.Role;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaCompatibilityTest {
    private static final String V1 = "oms.inventory.v1.StockReserved";
    private static final String V2 = "oms.inventory.v2.StockReserved";

    @Test
    void aConsumerThatReadsEveryProducedVersionHasNoGap() {
        assertThat(SchemaCompatibility.gaps(List.of(
                row(Role.PRODUCES, "inventory", V1), row(Role.PRODUCES, "inventory", V2),
                row(Role.CONSUMES, "order", V1), row(Role.CONSUMES, "order", V2)))).isEmpty();
    }

    @Test
    void aConsumerStillOnV1IsFlaggedOnceAProducerRegistersV2() {
        assertThat(SchemaCompatibility.gaps(List.of(
                row(Role.PRODUCES, "inventory", V2),
                row(Role.CONSUMES, "order", V1),
                row(Role.CONSUMES, "projections-orders", "oms.order.v1.OrderPlaced"))))
                .singleElement()
                .satisfies(gap -> {
                    assertThat(gap.consumer()).isEqualTo("order");
                    assertThat(gap.type()).isEqualTo(V2);
                    assertThat(gap.toString()).isEqualTo("order cannot read " + V2 + " (registered by inventory); it reads [" + V1 + "]");
                });
    }

    @Test
    void consumersOfOtherTypesAreNotConcerned() {
        assertThat(SchemaCompatibility.gaps(List.of(
                row(Role.PRODUCES, "inventory", V2), row(Role.CONSUMES, "audit", "oms.order.v1.OrderPlaced")))).isEmpty();
    }

    private static Registration row(Role role, String party, String type) {
        return new Registration(role, party, party, type, type.contains(".v2.") ? 2 : 1, "f-" + type, Instant.EPOCH);
    }
}
