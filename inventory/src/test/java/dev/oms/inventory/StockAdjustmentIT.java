package dev.oms.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oms.contracts.inventory.v1.StockLevelChanged;
import dev.oms.infra.SharedTestInfra;
import dev.oms.inventory.api.AdjustResult;
import dev.oms.inventory.api.StockSeed;
import dev.oms.messaging.ServiceRuntime;
import dev.oms.messaging.testing.OutboxReader;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class StockAdjustmentIT {
    private static DataSource dataSource;
    private static ServiceRuntime runtime;
    private static InventoryService inventory;

    @BeforeAll
    static void start() {
        dataSource = SharedTestInfra.freshDatabase("adjust").dataSource("adjust-test", InventoryService.NAME, 4);
        runtime = new ServiceRuntime(InventoryService.NAME, dataSource, "127.0.0.1:9", Clock.systemUTC());
        runtime.migrate();
        inventory = InventoryService.register(runtime);
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    @Test
    void adjustsOnHandAndPublishesTheNewLevel() {
        String sku = "ADJ-" + UUID.randomUUID();
        inventory.seed(List.of(new StockSeed(sku, "WH-EAST", 10)));
        OutboxReader.clear(dataSource);

        AdjustResult result = inventory.adjust(sku, "WH-EAST", -4, "cycle count");

        assertThat(result.errorCode()).isNull();
        assertThat(result.level().onHand()).isEqualTo(6);
        assertThat(OutboxReader.ofType(dataSource, StockLevelChanged.class))
                .singleElement().satisfies(e -> assertThat(e.getAvailable()).isEqualTo(6));
    }

    @Test
    void aFirstDeliveryCreatesTheWarehouseRow() {
        String sku = "ADJ-" + UUID.randomUUID();

        AdjustResult result = inventory.adjust(sku, "WH-WEST", 25, "delivery");

        assertThat(result.level().available()).isEqualTo(25);
        assertThat(inventory.adjust(sku, "WH-NORTH", -1, "write-off").errorCode()).isEqualTo(AdjustResult.UNKNOWN_STOCK);
    }

    @Test
    void refusesToTakeAwayMoreThanIsOnHandAndChangesNothing() {
        String sku = "ADJ-" + UUID.randomUUID();
        inventory.seed(List.of(new StockSeed(sku, "WH-EAST", 3)));

        assertThat(inventory.adjust(sku, "WH-EAST", -4, "theft").errorCode()).isEqualTo(AdjustResult.BELOW_RESERVED);
        assertThat(inventory.adjust(sku, "WH-EAST", 0, "nothing").errorCode()).isEqualTo(AdjustResult.INVALID_INPUT);
        assertThat(inventory.levels(sku)).singleElement().satisfies(l -> assertThat(l.onHand()).isEqualTo(3));
    }
}
