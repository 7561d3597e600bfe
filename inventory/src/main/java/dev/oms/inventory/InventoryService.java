package dev.oms.inventory;

import dev.oms.contracts.inventory.v1.StockAdjusted;
import dev.oms.contracts.inventory.v1.StockAdjustmentUndone;
import dev.oms.contracts.inventory.v1.StockUnavailable;
import dev.oms.contracts.inventory.v1.StockReleased;
import dev.oms.contracts.inventory.v1.StockCommitted;
import dev.oms.contracts.inventory.v1.StockLevelChanged;
import dev.oms.contracts.inventory.v1.ReservationExpired;
import dev.oms.contracts.Channels;
import dev.oms.inventory.adapters.InventoryCommandHandler;
import dev.oms.inventory.adapters.ReservationExpirer;
import dev.oms.inventory.adapters.ReservationTable;
import dev.oms.inventory.adapters.StockSeeder;
import dev.oms.inventory.adapters.StockTable;
import dev.oms.inventory.adapters.StockAdjuster;
import dev.oms.inventory.api.AdjustResult;
import dev.oms.inventory.api.InventoryConfig;
import dev.oms.inventory.api.InventoryCommands;
import dev.oms.inventory.api.StockLevel;
import dev.oms.inventory.api.StockSeed;
import dev.oms.messaging.MessageHandler;
import dev.oms.messaging.ServiceRuntime;
import dev.oms.messaging.Subscription;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The inventory service: reserves, releases and commits stock for orders, adjusts a committed order's stock when
 * the order is edited, on the commands of its topic, and expires the reservations nobody committed in time.
 */
public final class InventoryService implements InventoryCommands {
    public static final String NAME = "inventory";

    static final Duration EXPIRY_POLL = Duration.ofMillis(500);

    private final ServiceRuntime runtime;
    private final StockTable stock = new StockTable();
    private final ReservationTable reservations = new ReservationTable();
    private final StockSeeder seeder = new StockSeeder(stock);
    private final StockAdjuster adjuster = new StockAdjuster(stock);
    private final InventoryCommandHandler handler;
    private final ReservationExpirer expirer;

    private InventoryService(ServiceRuntime runtime, InventoryConfig config) {
        this.runtime = runtime;
        this.handler = new InventoryCommandHandler(stock, reservations, config);
        this.expirer = new ReservationExpirer(runtime.transactions(), stock, reservations);
    }

    /** Registers with reservations that expire after {@link InventoryConfig#DEFAULT_RESERVATION_TTL}. */
    public static InventoryService register(ServiceRuntime runtime) {
        return register(runtime, InventoryConfig.defaults());
    }

    /**
     * Registers its subscriptions and the job that expires reservations nobody committed in time. The caller runs
     * runtime.migrate() before and runtime.start() after.
     */
    public static InventoryService register(ServiceRuntime runtime, InventoryConfig config) {
        InventoryService service = new InventoryService(runtime, config);
        runtime.produces(config.stockReservedVersion() == 1
                        ? dev.oms.contracts.inventory.v1.StockReserved.getDefaultInstance()
                        : dev.oms.contracts.inventory.v2.StockReserved.getDefaultInstance(),
                StockUnavailable.getDefaultInstance(), StockReleased.getDefaultInstance(),
                StockCommitted.getDefaultInstance(), StockLevelChanged.getDefaultInstance(),
                ReservationExpired.getDefaultInstance(), dev.oms.contracts.inventory.v1.StockRestocked.getDefaultInstance(),
                StockAdjusted.getDefaultInstance(), StockAdjustmentUndone.getDefaultInstance());
        runtime.subscribe(Subscription.of(NAME, List.of(Channels.INVENTORY_COMMANDS), service.handler.types(), service.handler));
        runtime.every("reservation-expiry", EXPIRY_POLL, service.expirer::expireDue);
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
        return runtime.transactions().inTransaction(tx -> adjuster.adjust(tx, sku, warehouse, delta, reason));
    }

    MessageHandler handler() {
        return handler;
    }

    int expireDueReservations() {
        return expirer.expireDue();
    }
}
