package dev.oms.app.platform;

import com.zaxxer.hikari.HikariDataSource;
import dev.oms.cart.CartService;
import dev.oms.fulfillment.FulfillmentService;
import dev.oms.fulfillment.api.FulfillmentConfig;
import dev.oms.infra.DbConfig;
import dev.oms.inventory.InventoryService;
import dev.oms.inventory.api.InventoryConfig;
import dev.oms.messaging.ServiceRuntime;
import dev.oms.messaging.release.ReleaseColor;
import dev.oms.notification.NotificationService;
import dev.oms.notification.NotificationSettings;
import dev.oms.webhooks.WebhookService;
import dev.oms.order.OrderService;
import dev.oms.order.api.OrderConfig;
import dev.oms.order.api.ReturnPolicy;
import dev.oms.payment.PaymentService;
import dev.oms.payment.adapters.SandboxPaymentProvider;
import dev.oms.projections.ProjectionsService;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.sql.DataSource;

/** Starts one service on its own schema and pool: migrate, register handlers and jobs, start its runtime. */
public final class ServiceLauncher {
    private static final int POOL_SIZE = 6;

    private ServiceLauncher() {}

    /** The services {@code oms service} can run alone; AUDIT is the audit log's consumer, BFF the GraphQL API. */
    public enum Name {
        CART, ORDER, INVENTORY, PAYMENT, FULFILLMENT, NOTIFICATION, WEBHOOKS, PROJECTIONS, AUDIT, BFF;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A running service: the object it registered, how to stop it, and its connection pool (for health checks). */
    public record Running<S>(S service, AutoCloseable stop, DataSource dataSource) {}

    /** Starts the named service; what it returns is its command object (null for those that take no commands). */
    public static Running<?> start(Name name, DbConfig db, String kafka, Consumer<String> progress) {
        Telemetry.install("oms-" + name.id());
        Clock clock = Clock.systemUTC();
        return switch (name) {
            case CART -> seeded(launch(CartService.NAME, db, kafka, clock, progress, CartService::register),
                    cart -> cart.seedCatalog(DevCatalog.items()));
            case ORDER -> launch(OrderService.NAME, db, kafka, clock, progress, runtime -> OrderService.register(runtime,
                    orderConfig()),
                    OrderService.COMPONENTS);
            case INVENTORY -> seeded(launch(InventoryService.NAME, db, kafka, clock, progress,
                    runtime -> InventoryService.register(runtime, inventoryConfig())),
                    inventory -> inventory.seed(DevCatalog.stock()));
            case PAYMENT -> {
                HikariDataSource providerPool = providerDb(db).dataSource(SandboxPaymentProvider.SCHEMA,
                        SandboxPaymentProvider.SCHEMA, 4);
                try {
                    Running<?> payment = launch(PaymentService.NAME, db, kafka, clock, progress, runtime ->
                            PaymentService.register(runtime,
                                    new TimedPaymentProvider(SandboxPaymentProvider.migrated(providerPool, clock), "sandbox")));
                    yield new Running<>(payment.service(), () -> {
                        payment.stop().close();
                        providerPool.close();
                    }, payment.dataSource());
                } catch (RuntimeException e) {
                    providerPool.close();
                    throw e;
                }
            }
            case FULFILLMENT -> launch(FulfillmentService.NAME, db, kafka, clock, progress,
                    runtime -> FulfillmentService.register(runtime, new FulfillmentConfig(
                            // dev and demo runs: parcels move on by themselves; 0 = the warehouse reports progress
                            Durations.fromEnv("OMS_FULFILLMENT_STEP", Duration.ZERO))));
            case NOTIFICATION -> launch(NotificationService.NAME, db, kafka, clock, progress, runtime -> {
                NotificationSettings settings = NotificationSettings.fromEnv(); // a bad variable fails the start, named
                progress.accept(settings.describe());
                return NotificationService.register(runtime, settings);
            });
            case WEBHOOKS -> launch(WebhookService.NAME, db, kafka, clock, progress,
                    runtime -> WebhookService.register(runtime, webhookRetention()));
            case PROJECTIONS -> launch(ProjectionsService.NAME, db, kafka, clock, progress,
                    runtime -> ProjectionsService.register(runtime, true)); // BFFs in other processes listen
            case AUDIT -> new Running<>(null, audit(db, kafka, clock, progress), null);
            case BFF -> RemoteBff.start(db, kafka, clock, progress);
        };
    }

    /** How long delivered and given-up webhook deliveries are kept, with their attempts (OMS_WEBHOOK_RETENTION). */
    static Duration webhookRetention() {
        return Durations.fromEnv("OMS_WEBHOOK_RETENTION", WebhookService.DEFAULT_RETENTION);
    }

    /**
     * With OMS_SEED_DEV_CATALOG=true, a service alone starts with the catalog and stock {@code oms up} has (for
     * tests and demos; seeding adds only what is missing, so every copy and restart may do it).
     */
    private static <S> Running<S> seeded(Running<S> running, Consumer<S> seed) {
        if ("true".equalsIgnoreCase(System.getenv("OMS_SEED_DEV_CATALOG"))) {
            seed.accept(running.service());
        }
        return running;
    }

    /** One more copy of the inventory service, e.g. an older version during a rolling upgrade; close it to stop it. */
    public static AutoCloseable startInventory(DbConfig db, String kafka, InventoryConfig config) {
        return launch(InventoryService.NAME, db, kafka, Clock.systemUTC(), line -> { },
                runtime -> InventoryService.register(runtime, config)).stop();
    }

    /** The audit log's consumer; copies share the topics' partitions in its consumer group, like any service's. */
    private static AutoCloseable audit(DbConfig db, String kafka, Clock clock, Consumer<String> progress) {
        progress.accept("starting service audit");
        try {
            return AuditLauncher.start(db, kafka, clock);
        } catch (RuntimeException e) {
            throw new StartupException("service audit", e);
        }
    }

    /** Reservations expire after OMS_RESERVATION_TTL (default 15 minutes) if their saga never commits them. */
    static InventoryConfig inventoryConfig() {
        String version = System.getenv("OMS_INVENTORY_STOCK_RESERVED_VERSION");
        return new InventoryConfig(Durations.fromEnv("OMS_RESERVATION_TTL", InventoryConfig.DEFAULT_RESERVATION_TTL),
                version == null || version.isBlank()
                        ? InventoryConfig.CURRENT_STOCK_RESERVED_VERSION : Integer.parseInt(version.trim()));
    }

    /**
     * Where the sandbox payment provider keeps its books: OMS_PAYMENT_PROVIDER_DB_URL (with _USER, _PASSWORD) when the
     * provider must live outside the region's database, as a real provider does (docs/multi-region.md); else
     * {@code otherwise}, the payment service's own.
     */
    public static DbConfig providerDb(DbConfig otherwise) {
        String url = System.getenv("OMS_PAYMENT_PROVIDER_DB_URL");
        return url == null || url.isBlank() ? otherwise : DbConfig.forService("payment_provider").orElseThrow();
    }

    /** The order service's settings: OMS_SAGA_STEP_TIMEOUT, and whether this start follows a promotion. */
    static OrderConfig orderConfig() {
        return new OrderConfig(Durations.fromEnv("OMS_SAGA_STEP_TIMEOUT", OrderConfig.defaults().stepTimeout()),
                promoted(), returnPolicy());
    }

    /**
     * What returns are accepted: OMS_RETURN_WINDOW after delivery (30d), OMS_RETURN_SHIP_BACK to send the parcel before
     * the warehouse asks again (30d), OMS_RETURN_REASONS (comma-separated; default DAMAGED, DEFECTIVE, WRONG_ITEM,
     * NOT_AS_DESCRIBED, NO_LONGER_NEEDED, OTHER).
     */
    static ReturnPolicy returnPolicy() {
        ReturnPolicy defaults = ReturnPolicy.defaults();
        String reasons = System.getenv("OMS_RETURN_REASONS");
        return new ReturnPolicy(Durations.fromEnv("OMS_RETURN_WINDOW", defaults.window()),
                Durations.fromEnv("OMS_RETURN_SHIP_BACK", defaults.shipBack()),
                reasons == null || reasons.isBlank() ? defaults.reasons()
                        : java.util.Arrays.stream(reasons.split(",")).map(String::trim).filter(r -> !r.isEmpty())
                                .collect(java.util.stream.Collectors.toSet()));
    }

    /**
     * OMS_PROMOTED=true: the first start after this region's promotion. Relays publish again what they kept
     * (OMS_OUTBOX_RETENTION) and sagas in flight send what they wait for again: what was on the lost region's broker
     * and not yet applied is not lost (docs/multi-region.md).
     */
    static boolean promoted() {
        return "true".equalsIgnoreCase(System.getenv("OMS_PROMOTED"));
    }

    static <S> Running<S> launch(String name, DbConfig db, String kafka, Clock clock, Consumer<String> progress,
                                 Function<ServiceRuntime, S> register, String... components) {
        progress.accept("starting service " + name);
        HikariDataSource dataSource = null;
        try {
            dataSource = db.dataSource(name, name, POOL_SIZE);
            ServiceRuntime runtime = new ServiceRuntime(name, dataSource, kafka, clock);
            runtime.keepRelayedMessages(Durations.fromEnv("OMS_OUTBOX_RETENTION", Duration.ZERO), promoted());
            runtime.releaseAs(ReleaseColor.fromEnv()); // blue/green: docs/multi-region.md
            runtime.migrate(components);
            S service = register.apply(runtime);
            runtime.start();
            HikariDataSource pool = dataSource;
            AutoCloseable backlog = OutboxBacklog.register(name, dataSource);
            return new Running<>(service, () -> {
                backlog.close();
                runtime.close();
                pool.close();
            }, pool);
        } catch (RuntimeException e) {
            if (dataSource != null) {
                dataSource.close();
            }
            throw new StartupException("service " + name, e);
        }
    }
}
