package dev.oms.app.platform;

import dev.oms.app.platform.health.KafkaHealth;
import dev.oms.app.platform.health.ServiceHealth;
import dev.oms.bff.auth.JwtKey;
import dev.oms.cart.CartService;
import dev.oms.contracts.Channels;
import dev.oms.fulfillment.FulfillmentService;
import dev.oms.fulfillment.api.FulfillmentConfig;
import dev.oms.infra.DbConfig;
import dev.oms.infra.LocalKafka;
import dev.oms.infra.LocalPostgres;
import dev.oms.infra.Topics;
import dev.oms.inventory.InventoryService;
import dev.oms.messaging.ServiceRuntime;
import dev.oms.notification.NotificationService;
import dev.oms.webhooks.WebhookService;
import dev.oms.notification.NotificationSettings;
import dev.oms.order.OrderService;
import dev.oms.order.api.OrderConfig;
import dev.oms.payment.PaymentService;
import dev.oms.payment.adapters.SandboxPaymentProvider;
import dev.oms.projections.ProjectionsService;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole platform in one JVM: database, broker, every service on its own schema, the projections and
 * the GraphQL BFF. Services still talk only through Kafka; the BFF gets the cart's command interface and
 * the projections' queries, as it would get HTTP clients of them in a distributed deployment.
 */
public final class Platform implements AutoCloseable {
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final Consumer<String> progress;
    private final Clock clock = Clock.systemUTC();
    private DbConfig db;
    private String kafka;
    private CartService cart;
    private OrderService order;
    private InventoryService inventory;
    private FulfillmentService fulfillment;
    private PaymentService payment;
    private ProjectionsService projections;
    private WebhookService webhooks;
    private PlatformMetrics metrics;
    private ServiceHealth health;
    private int httpPort;

    private Platform(Consumer<String> progress) {
        this.progress = progress;
    }

    /** Starts everything, reporting each component to {@code progress}; a failure names the component. */
    public static Platform start(PlatformSettings settings, Consumer<String> progress) {
        Platform platform = new Platform(progress);
        try {
            platform.startAll(settings);
            return platform;
        } catch (RuntimeException e) {
            platform.close();
            throw e;
        }
    }

    private void startAll(PlatformSettings settings) {
        Telemetry.install("oms");
        metrics = keep(new PlatformMetrics());
        db = settings.externalDb().orElseGet(() -> step("database (embedded PostgreSQL on port " + settings.dbPort() + ")",
                () -> keep(LocalPostgres.start(settings.dataDir().resolve("postgres"), settings.dbPort())).db()));
        kafka = settings.externalKafka().orElseGet(() -> step("broker (embedded Kafka on port " + settings.kafkaPort() + ")",
                () -> keep(LocalKafka.start(settings.dataDir().resolve("kafka"), settings.kafkaPort())).bootstrapServers()));
        step("topics", () -> {
            Topics.ensure(kafka, settings.externalKafka().isPresent() ? Topics.Layout.fromEnv(settings.partitions())
                    : new Topics.Layout(settings.partitions(), 1, 1), Channels.ALL);
            return null;
        });
        keep(ConsumerLag.start(kafka));
        health = new ServiceHealth(keep(new KafkaHealth(kafka, clock)), clock,
                Durations.fromEnv("OMS_OUTBOX_MAX_AGE", ServiceHealth.DEFAULT_OUTBOX_MAX_AGE));
        step("audit log", () -> keep(AuditLauncher.start(db, kafka, clock)));
        cart = service(CartService.NAME, CartService::register);
        OrderConfig orderConfig = ServiceLauncher.orderConfig();
        order = service(OrderService.NAME, runtime -> OrderService.register(runtime, orderConfig), OrderService.COMPONENTS);
        inventory = service(InventoryService.NAME, runtime -> InventoryService.register(runtime, ServiceLauncher.inventoryConfig()));
        payment = service(PaymentService.NAME, runtime -> PaymentService.register(runtime, new TimedPaymentProvider(SandboxPaymentProvider.migrated(
                keep(ServiceLauncher.providerDb(db).dataSource(SandboxPaymentProvider.SCHEMA, SandboxPaymentProvider.SCHEMA,
                        4)), clock), "sandbox")));
        fulfillment = service(FulfillmentService.NAME, runtime ->
                FulfillmentService.register(runtime, new FulfillmentConfig(settings.fulfillmentStep())));
        service(NotificationService.NAME, NotificationService::register);
        webhooks = service(WebhookService.NAME,
                runtime -> WebhookService.register(runtime, ServiceLauncher.webhookRetention()));
        projections = service(ProjectionsService.NAME, ProjectionsService::register);
        if (settings.seedCatalog()) {
            step("catalog seed", () -> {
                cart.seedCatalog(DevCatalog.items());
                inventory.seed(DevCatalog.stock());
                return null;
            });
        }
        step("GraphQL BFF", () -> startBff(settings.httpPort()));
    }

    private <S> S service(String name, Function<ServiceRuntime, S> register, String... components) {
        ServiceLauncher.Running<S> running = ServiceLauncher.launch(name, db, kafka, clock, progress, register, components);
        started.push(running.stop());
        health.add(name, running.dataSource());
        return running.service();
    }

    /**
     * The BFF gets the services' command interfaces and the projections' queries and live updates, as it would get
     * clients of them in a distributed deployment, this user's token signing key, the platform's metrics registry
     * (served at /actuator/prometheus) and the services' health (part of /actuator/health/readiness).
     */
    private Void startBff(int port) {
        ConfigurableApplicationContext context = BffLauncher.start(port,
                new BffLauncher.Commands(cart, order, order, inventory, fulfillment, payment, webhooks), projections.readSide(), metrics.registry(),
                health.contributor());
        started.push(context::close);
        httpPort = BffLauncher.port(context);
        progress.accept("tokens are signed with the key from " + JwtKey.source()
                + "; get one with: oms token --role customer --subject <customer id>");
        progress.accept(Telemetry.destination());
        progress.accept(NotificationSettings.fromEnv().describe());
        return null;
    }

    private <T> T step(String component, Supplier<T> work) {
        progress.accept("starting " + component);
        try {
            return work.get();
        } catch (RuntimeException e) {
            throw new StartupException(component, e);
        }
    }

    private <T extends AutoCloseable> T keep(T resource) {
        started.push(resource);
        return resource;
    }

    public CartService cart() {
        return cart;
    }

    public OrderService order() {
        return order;
    }

    public InventoryService inventory() {
        return inventory;
    }

    public ProjectionsService projections() {
        return projections;
    }

    public DbConfig db() {
        return db;
    }

    public String kafkaBootstrap() {
        return kafka;
    }

    public int httpPort() {
        return httpPort;
    }

    public String graphqlUrl() {
        return "http://127.0.0.1:" + httpPort + "/graphql";
    }

    /** Stops in reverse order of start: BFF, services, then broker and database. */
    @Override
    public void close() {
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                progress.accept("error while stopping: " + e);
            }
        }
    }
}
