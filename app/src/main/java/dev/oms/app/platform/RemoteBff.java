package dev.oms.app.platform;

import com.zaxxer.hikari.HikariDataSource;
import dev.oms.app.platform.health.KafkaHealth;
import dev.oms.app.platform.health.ServiceHealth;
import dev.oms.cart.api.CartCommands;
import dev.oms.fulfillment.api.FulfillmentCommands;
import dev.oms.fulfillment.api.ReceivedUnits;
import dev.oms.fulfillment.api.ReturnReceipt;
import dev.oms.fulfillment.api.ShipmentAction;
import dev.oms.fulfillment.api.ShipmentUnits;
import dev.oms.infra.DbConfig;
import dev.oms.inventory.api.InventoryCommands;
import dev.oms.order.api.OrderCommands;
import dev.oms.payment.api.PaymentCommands;
import dev.oms.webhooks.api.WebhookCommands;
import dev.oms.order.api.SagaOperations;
import dev.oms.projections.ProjectionsService;
import dev.oms.projections.api.LocalProjectionUpdates;
import dev.oms.remote.RemoteCommands;
import dev.oms.remote.ServiceUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The BFF in a process of its own ({@code oms service bff}): GraphQL on OMS_HTTP_PORT (8080), commands to the cart,
 * order and inventory services at OMS_CART_URL, OMS_ORDER_URL and OMS_INVENTORY_URL (their command ports; the
 * warehouse's at OMS_FULFILLMENT_URL and the payment service's (provider webhooks) at OMS_PAYMENT_URL, both optional;
 * during a
 * blue/green release also at OMS_CART_GREEN_URL etc., split by the release route), reads from
 * the projections' tables in OMS_PROJECTIONS_DB_URL (else OMS_DB_URL). Deadline per call OMS_COMMAND_DEADLINE (2s).
 */
final class RemoteBff {
    private RemoteBff() {}

    static ServiceLauncher.Running<?> start(DbConfig db, String kafka, Clock clock, Consumer<String> progress) {
        progress.accept("starting the GraphQL BFF");
        RemoteCommands.Settings settings = new RemoteCommands.Settings(
                Durations.fromEnv("OMS_COMMAND_DEADLINE", RemoteCommands.Settings.defaults().deadline()), 3,
                Duration.ofMillis(100), Duration.ofSeconds(5));
        String cartUrl = required("OMS_CART_URL");
        String orderUrl = required("OMS_ORDER_URL");
        String inventoryUrl = required("OMS_INVENTORY_URL");
        DbConfig readDb = DbConfig.forService(ProjectionsService.NAME).orElse(db);
        HikariDataSource reads = readDb.dataSource("bff-reads", ProjectionsService.NAME, 8);
        PlatformMetrics metrics = new PlatformMetrics();
        KafkaHealth kafkaHealth = new KafkaHealth(kafka, clock);
        LocalProjectionUpdates updates = new LocalProjectionUpdates();
        AutoCloseable listener = ProjectionsService.listen(reads, updates);
        try {
            ServiceHealth health = new ServiceHealth(kafkaHealth, clock, ServiceHealth.DEFAULT_OUTBOX_MAX_AGE);
            health.add(ProjectionsService.NAME, reads);
            BffLauncher.Commands commands = new BffLauncher.Commands(
                    client(CartCommands.class, "cart", cartUrl, settings),
                    client(OrderCommands.class, "order", orderUrl, settings),
                    client(SagaOperations.class, "order", orderUrl, settings),
                    client(InventoryCommands.class, "inventory", inventoryUrl, settings),
                    fulfillment(settings), payment(settings), webhooks(settings));
            ConfigurableApplicationContext context = BffLauncher.start(
                    Integer.parseInt(System.getenv().getOrDefault("OMS_HTTP_PORT", "8080")), commands,
                    ProjectionsService.readSide(reads, updates), metrics.registry(), health.contributor());
            progress.accept("GraphQL at http://127.0.0.1:" + BffLauncher.port(context) + "/graphql");
            return new ServiceLauncher.Running<>(null, () -> {
                context.close();
                closeQuietly(listener);
                kafkaHealth.close();
                reads.close();
                metrics.close();
            }, reads);
        } catch (RuntimeException e) {
            closeQuietly(listener);
            kafkaHealth.close();
            reads.close();
            metrics.close();
            throw new StartupException("the GraphQL BFF", e);
        }
    }

    /**
     * The service's commands at {@code url}; while OMS_<SERVICE>_GREEN_URL names its green copies' command port (a
     * blue/green release), split between the two as the service's release route says (docs/multi-region.md).
     */
    private static <T> T client(Class<T> api, String service, String url, RemoteCommands.Settings settings) {
        String green = System.getenv("OMS_" + service.toUpperCase(java.util.Locale.ROOT) + "_GREEN_URL");
        return green == null || green.isBlank() ? RemoteCommands.client(api, service, url, settings)
                : RemoteCommands.split(api, service, url, green.trim(), settings);
    }

    /**
     * The warehouse's commands (receiving returns) at OMS_FULFILLMENT_URL; without it they answer SERVICE_UNAVAILABLE,
     * and everything else works.
     */
    private static FulfillmentCommands fulfillment(RemoteCommands.Settings settings) {
        String url = System.getenv("OMS_FULFILLMENT_URL");
        if (url == null || url.isBlank()) {
            return new UnreachableWarehouse();
        }
        return client(FulfillmentCommands.class, "fulfillment", url.trim(), settings);
    }

    /** The warehouse's commands when the BFF was told no way to it: each answers SERVICE_UNAVAILABLE. */
    private static final class UnreachableWarehouse implements FulfillmentCommands {
        @Override
        public ReturnReceipt receiveReturn(String returnId, List<ReceivedUnits> units) {
            throw unreachable();
        }

        @Override
        public ShipmentAction holdShipment(String shipmentId, String reason) {
            throw unreachable();
        }

        @Override
        public ShipmentAction releaseShipment(String shipmentId) {
            throw unreachable();
        }

        @Override
        public ShipmentAction shipShipment(String shipmentId, List<ShipmentUnits> units) {
            throw unreachable();
        }

        private static ServiceUnavailableException unreachable() {
            return new ServiceUnavailableException("fulfillment", "OMS_FULFILLMENT_URL is not set", null);
        }
    }

    /** The webhooks service's commands at OMS_WEBHOOKS_URL; without it the webhook fields answer SERVICE_UNAVAILABLE. */
    private static WebhookCommands webhooks(RemoteCommands.Settings settings) {
        String url = System.getenv("OMS_WEBHOOKS_URL");
        return url == null || url.isBlank() ? null : client(WebhookCommands.class, "webhooks", url.trim(), settings);
    }

    /** The payment service's provider webhooks at OMS_PAYMENT_URL; without it they answer 503. */
    private static PaymentCommands payment(RemoteCommands.Settings settings) {
        String url = System.getenv("OMS_PAYMENT_URL");
        if (url == null || url.isBlank()) {
            return (id, timestamp, signature, body) -> {
                throw new ServiceUnavailableException("payment", "OMS_PAYMENT_URL is not set", null);
            };
        }
        return client(PaymentCommands.class, "payment", url.trim(), settings);
    }

    private static void closeQuietly(AutoCloseable resource) {
        try {
            resource.close();
        } catch (Exception e) {
            org.slf4j.LoggerFactory.getLogger(RemoteBff.class).warn("could not close {}: {}", resource, e.toString());
        }
    }

    private static String required(String variable) {
        String value = System.getenv(variable);
        if (value == null || value.isBlank()) {
            throw new StartupException("the GraphQL BFF", new IllegalArgumentException(variable + " is not set"));
        }
        return value.trim();
    }
}
