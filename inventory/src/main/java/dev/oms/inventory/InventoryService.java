package dev.oms.inventory;

import dev.oms.contracts.Channels;
import dev.oms.inventory.adapters.InventoryCommandHandler;
import dev.oms.inventory.adapters.ReservationTable;
import dev.oms.inventory.adapters.StockSeeder;
import dev.oms.inventory.adapters.StockTable;
import dev.oms.inventory.adapters.StockAdjuster;
import dev.oms.inventory.api.AdjustResult;
import dev.oms.inventory.api.InventoryCommands;
import dev.oms.inventory.api.StockLevel;
import dev.oms.inventory.api.StockSeed;
import dev.oms.messaging.MessageHandler;
import dev.oms.messaging.ServiceRuntime;
import dev.oms.messaging.Subscription;
import java.util.List;
import java.util.Optional;

/** The inventory service: reserves, releases and commits stock for orders, on the commands of its topic. */
public final class InventoryService implements InventoryCommands {
    public static final String NAME = "inventory";

    private final ServiceRuntime runtime;
    private final StockTable stock = new StockTable();
    private final StockSeeder seeder = new StockSeeder(stock);
    private final StockAdjuster adjuster = new StockAdjuster(stock);
    private final InventoryCommandHandler handler = new InventoryCommandHandler(stock, new ReservationTable());

    private InventoryService(ServiceRuntime runtime) {
        this.runtime = runtime;
    }

    /** Registers its subscriptions and jobs on the runtime. The caller runs runtime.migrate() before and runtime.start() after. */
    public static InventoryService register(ServiceRuntime runtime) {
        InventoryService service = new InventoryService(runtime);
        runtime.subscribe(Subscription.of(NAME, List.of(Channels.INVENTORY_COMMANDS), service.handler.types(), service.handler));
        return service;
    }

    /** Inserts the rows that do not exist yet and never touches existing ones, so a restart does not reset stock. */
    public void seed(List<StockSeed> seeds) {
        runtime.transactions().inTransaction(tx -> {
            seeder.seed(tx, seeds);
            return null;
        });
    }

    /** The stock of one SKU in every warehouse that carries it, by warehouse. */
    public List<StockLevel> levels(String sku) {
        return runtime.transactions().inTransaction(tx -> stock.levels(tx.connection(), sku));
    }

    @Override
    public AdjustResult adjust(String sku, String warehouse, long delta, String reason) {
        Optional<AdjustResult> invalid = StockAdjuster.invalid(sku, warehouse, delta, reason);
        if (invalid.isPresent()) {
            return invalid.get();
        }
        return runtime.transactions().inTransaction(tx -> adjuster.adjust(tx, sku, warehouse, delta));
    }

    MessageHandler handler() {
        return handler;
    }
}
