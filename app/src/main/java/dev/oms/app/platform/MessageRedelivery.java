package dev.oms.app.platform;

import com.zaxxer.hikari.HikariDataSource;
import dev.oms.audit.AuditQuery;
import dev.oms.audit.AuditReader;
import dev.oms.audit.AuditRecord;
import dev.oms.contracts.Upcasters;
import dev.oms.fulfillment.FulfillmentService;
import dev.oms.fulfillment.api.FulfillmentConfig;
import dev.oms.infra.DbConfig;
import dev.oms.inventory.InventoryService;
import dev.oms.messaging.Inbox;
import dev.oms.messaging.IncomingMessage;
import dev.oms.messaging.ServiceRuntime;
import dev.oms.messaging.Subscription;
import dev.oms.notification.NotificationService;
import dev.oms.order.OrderService;
import dev.oms.order.api.OrderConfig;
import dev.oms.payment.PaymentService;
import dev.oms.payment.adapters.SandboxPaymentProvider;
import dev.oms.projections.ProjectionsService;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Re-delivers historical messages from the audit log to one consumer, through the path the live consumer takes:
 * the consumer's inbox in the same transaction as its handler, so an already-applied message is a no-op. With
 * force, the handler runs again even for applied messages, for consumers declared safe for it (idempotent ones).
 * The consumer's service is registered in this process but never started; what it emits goes to its outbox, which
 * its running copies relay.
 */
public final class MessageRedelivery {
    /** Consumers whose handlers may run twice for one message without a double effect. */
    public static final Set<String> SAFE_TO_REAPPLY = Set.of(ProjectionsService.NAME);
    /** The services that consume from the bus, by consumer name. */
    public static final List<String> CONSUMERS = List.of(OrderService.NAME, InventoryService.NAME, PaymentService.NAME,
            FulfillmentService.NAME, NotificationService.NAME, ProjectionsService.NAME);

    /** One message and what became of it: NEW (applied now), APPLIED (already, skipped), REAPPLIED (forced). */
    public record Outcome(Instant occurredAt, String type, String messageId, String correlationId, String result) {}

    public record Request(String consumer, Set<String> types, Instant from, Instant to, boolean dryRun, boolean force) {}

    private MessageRedelivery() {}

    public static List<Outcome> run(DbConfig db, Request request, Consumer<Outcome> each) throws SQLException {
        if (!CONSUMERS.contains(request.consumer())) {
            throw new IllegalArgumentException("no consumer " + request.consumer() + "; known: " + CONSUMERS);
        }
        if (request.force() && !SAFE_TO_REAPPLY.contains(request.consumer())) {
            throw new IllegalArgumentException(request.consumer() + " is not declared safe to re-apply");
        }
        List<AutoCloseable> resources = new ArrayList<>();
        try (HikariDataSource service = db.dataSource("redeliver-" + request.consumer(), request.consumer(), 2);
             HikariDataSource audit = db.dataSource("redeliver-audit", null, 1)) {
            ServiceRuntime runtime = registered(request.consumer(), service, db, resources);
            List<Outcome> outcomes = new ArrayList<>();
            for (Subscription subscription : runtime.subscriptions()) {
                for (IncomingMessage message : history(audit, subscription, request)) {
                    Outcome outcome = deliver(runtime, subscription, message, request);
                    each.accept(outcome);
                    outcomes.add(outcome);
                }
            }
            return outcomes;
        } finally {
            for (AutoCloseable resource : resources) {
                try {
                    resource.close();
                } catch (Exception ignored) {
                    // closing a pool of a finished run
                }
            }
        }
    }

    private static List<IncomingMessage> history(HikariDataSource audit, Subscription subscription, Request request)
            throws SQLException {
        Set<String> types = Upcasters.withOlderVersions(subscription.types());
        if (!request.types().isEmpty()) {
            types.retainAll(Upcasters.withOlderVersions(request.types()));
        }
        List<IncomingMessage> messages = new ArrayList<>();
        if (types.isEmpty()) {
            return messages;
        }
        try (Connection c = audit.getConnection()) {
            for (String topic : subscription.topics()) {
                AuditReader.read(c, AuditQuery.all().ofTypes(types).onTopic(topic).between(request.from(), request.to()),
                        record -> messages.add(messageOf(record)));
            }
        }
        return messages;
    }

    private static Outcome deliver(ServiceRuntime runtime, Subscription subscription, IncomingMessage message,
                                   Request request) {
        String result = runtime.transactions().inTransaction(message.envelope(), tx -> {
            boolean first = request.dryRun()
                    ? !applied(tx.connection(), subscription.name(), message)
                    : Inbox.firstDelivery(tx.connection(), subscription.name(), message.envelope().messageId());
            if (request.dryRun()) {
                tx.connection().rollback();
                return first ? "NEW" : "APPLIED";
            }
            if (first || request.force()) {
                subscription.handler().handle(message, tx);
            }
            return first ? "NEW" : request.force() ? "REAPPLIED" : "APPLIED";
        });
        return new Outcome(message.envelope().occurredAt(), message.type(), message.envelope().messageId().toString(),
                message.envelope().correlationId(), result);
    }

    private static boolean applied(Connection c, String consumer, IncomingMessage message) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "SELECT 1 FROM inbox WHERE consumer = ? AND message_id = ?")) {
            select.setString(1, consumer);
            select.setObject(2, message.envelope().messageId());
            try (ResultSet row = select.executeQuery()) {
                return row.next();
            }
        }
    }

    private static IncomingMessage messageOf(AuditRecord record) {
        return IncomingMessage.read(record.envelope(), record.payload(), record.topic(), 0, record.seq());
    }

    /** The consumer's service, registered on a runtime that is never started: no relay, no consumer, no jobs. */
    private static ServiceRuntime registered(String name, HikariDataSource dataSource, DbConfig db,
                                             List<AutoCloseable> resources) {
        Clock clock = Clock.systemUTC();
        ServiceRuntime runtime = new ServiceRuntime(name, dataSource, "127.0.0.1:9", clock);
        resources.add(runtime);
        Map.<String, Runnable>of(
                OrderService.NAME, () -> OrderService.register(runtime, new OrderConfig(
                        Durations.fromEnv("OMS_SAGA_STEP_TIMEOUT", OrderConfig.defaults().stepTimeout()))),
                InventoryService.NAME, () -> InventoryService.register(runtime, ServiceLauncher.inventoryConfig()),
                PaymentService.NAME, () -> {
                    HikariDataSource provider = db.dataSource(SandboxPaymentProvider.SCHEMA, SandboxPaymentProvider.SCHEMA, 2);
                    resources.add(provider);
                    PaymentService.register(runtime, SandboxPaymentProvider.migrated(provider, clock));
                },
                FulfillmentService.NAME, () -> FulfillmentService.register(runtime, new FulfillmentConfig(Duration.ZERO)),
                NotificationService.NAME, () -> NotificationService.register(runtime),
                ProjectionsService.NAME, () -> ProjectionsService.register(runtime)).get(name).run();
        return runtime;
    }
}
