package dev.oms.webhooks;

import dev.oms.contracts.Channels;
import dev.oms.contracts.MessageTypes;
import dev.oms.contracts.Upcasters;
import dev.oms.messaging.MessageHandler;
import dev.oms.messaging.ServiceRuntime;
import dev.oms.messaging.Subscription;
import dev.oms.messaging.Transactions;
import dev.oms.webhooks.adapters.DeliveryTable;
import dev.oms.webhooks.adapters.Dispatcher;
import dev.oms.webhooks.adapters.EndpointTable;
import dev.oms.webhooks.adapters.EventHandler;
import dev.oms.webhooks.api.DeliveryResult;
import dev.oms.webhooks.api.EndpointResult;
import dev.oms.webhooks.api.WebhookCommands;
import dev.oms.webhooks.api.WebhookDelivery;
import dev.oms.webhooks.api.WebhookEndpoint;
import dev.oms.webhooks.api.WebhookError;
import dev.oms.webhooks.domain.EndpointHealth;
import dev.oms.webhooks.domain.EndpointUrls;
import dev.oms.webhooks.domain.EventTypes;
import dev.oms.webhooks.domain.WebhookSignature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The webhooks service: reads every event of the bus (through its inbox), keeps one delivery per subscribed endpoint,
 * and sends them signed from a loop of its own, retrying with backoff. Operators drive it through {@link WebhookCommands}.
 */
public final class WebhookService implements WebhookCommands {
    public static final String NAME = "webhooks";
    /** How long a rotated-out secret keeps signing beside the new one. */
    public static final Duration PREVIOUS_SECRET_VALIDITY = Duration.ofHours(24);
    private static final int MAX_PAGE = 500;
    /** How long delivered and given-up deliveries are kept, with their attempts, unless configured otherwise. */
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(30);
    private static final int PRUNE_BATCH = 1000;

    private final Transactions transactions;
    private final Clock clock;
    private final EndpointTable endpoints = new EndpointTable();
    private final DeliveryTable deliveries = new DeliveryTable();
    /** The active endpoints as last read: only the event types they ask for reach the inbox (see {@link #wanted}). */
    private volatile List<EndpointTable.Stored> activeEndpoints = List.of();
    private final EventHandler handler = new EventHandler(() -> activeEndpoints, deliveries);
    private final Dispatcher dispatcher;

    private WebhookService(Transactions transactions, Clock clock, Dispatcher.Settings settings) {
        this.transactions = transactions;
        this.clock = clock;
        this.dispatcher = new Dispatcher(transactions, endpoints, deliveries, clock, settings);
    }

    /**
     * Registers its subscription, its dispatch loop (every 200 ms) and the hourly removal of deliveries ended longer
     * than {@code retention} ago. Caller runs runtime.migrate() before, start() after.
     */
    public static WebhookService register(ServiceRuntime runtime, Duration retention) {
        Clock clock = runtime.transactions().clock();
        WebhookService service = create(runtime, clock, Dispatcher.Settings.DEFAULT);
        runtime.every("webhook-dispatch", Duration.ofMillis(200), service::dispatchUntilIdle);
        runtime.every("webhook-retention", Duration.ofHours(1), () -> service.prune(clock.instant().minus(retention)));
        runtime.every("webhook-endpoints", Duration.ofSeconds(1), service::refreshEndpoints);
        return service;
    }

    /** As {@link #register} without the loop: a test drives {@link #dispatchOnce()} with its own clock. */
    public static WebhookService registerWithoutLoop(ServiceRuntime runtime, Clock clock, Dispatcher.Settings settings) {
        return create(runtime, clock, settings);
    }

    private static WebhookService create(ServiceRuntime runtime, Clock clock, Dispatcher.Settings settings) {
        WebhookService service = new WebhookService(runtime.transactions(), clock, settings);
        service.refreshEndpoints();
        runtime.subscribe(Subscription.of(NAME, List.of(Channels.EVENTS), eventTypes(), service.handler)
                .whileWanted(service::wanted));
        String deliveries = "Webhook deliveries waiting to be sent, or given up after their retries";
        runtime.gauge("oms.webhook.deliveries", deliveries, () -> service.unsent(WebhookDelivery.PENDING),
                "status", "pending");
        runtime.gauge("oms.webhook.deliveries", deliveries, () -> service.unsent(WebhookDelivery.FAILED),
                "status", "failed");
        runtime.gauge("oms.webhook.endpoints.down", "Active webhook endpoints taken as down (probed one delivery at a time)",
                service::endpointsDown);
        return service;
    }

    /**
     * Whether an active endpoint asks for events of this type. Others are passed over before the inbox: with no
     * endpoint the service costs the order path nothing but the broker's reads. Endpoints registered elsewhere are
     * seen within a second ({@code webhook-endpoints}); here at once.
     */
    private boolean wanted(String type) {
        for (EndpointTable.Stored endpoint : activeEndpoints) {
            if (EventTypes.matches(endpoint.endpoint().eventTypes(), type)) {
                return true;
            }
        }
        return false;
    }

    private void refreshEndpoints() {
        activeEndpoints = transactions.inTransaction(tx -> List.copyOf(endpoints.all(tx.connection(), true)));
    }

    /** The events an endpoint may ask for: the current version of every type declared in an events file. */
    public static Set<String> eventTypes() {
        return EVENT_TYPES;
    }

    private static final Set<String> EVENT_TYPES = MessageTypes.all().stream()
            .filter(t -> Upcasters.currentTypeOf(t).equals(t))
            .filter(t -> MessageTypes.parse(t, new byte[0]).getDescriptorForType().getFile().getName()
                    .endsWith("_events.proto"))
            .collect(Collectors.toUnmodifiableSet());

    public MessageHandler handler() {
        return handler;
    }

    /** One dispatch round; the number of deliveries tried. */
    public int dispatchOnce() {
        return dispatcher.dispatchOnce();
    }

    /**
     * Removes the deliveries that ended (DELIVERED or FAILED) and were last due (created, or redelivered) before
     * {@code dueBefore}, with their attempts, a batch per transaction; how many.
     */
    public int prune(Instant dueBefore) {
        int removed = 0;
        int batch;
        do {
            batch = transactions.inTransaction(tx -> deliveries.removeEnded(tx.connection(), dueBefore, PRUNE_BATCH));
            removed += batch;
        } while (batch == PRUNE_BATCH);
        return removed;
    }

    private void dispatchUntilIdle() {
        for (int round = 0; round < 50 && dispatcher.dispatchOnce() > 0; round++) {
            // full batches: go on at once rather than waiting for the next tick
        }
    }

    @Override
    public EndpointResult createEndpoint(String url, List<String> eventTypes, String description) {
        Optional<String> badUrl = EndpointUrls.problemWith(url);
        if (badUrl.isPresent()) {
            return EndpointResult.refused("url", badUrl.get(), WebhookError.INVALID_URL);
        }
        if (eventTypes == null || eventTypes.isEmpty()) {
            return EndpointResult.refused("eventTypes", "name at least one event type", WebhookError.UNKNOWN_EVENT_TYPE);
        }
        for (String type : eventTypes) {
            Optional<String> problem = EventTypes.problemWith(type, eventTypes());
            if (problem.isPresent()) {
                return EndpointResult.refused("eventTypes", problem.get(), WebhookError.UNKNOWN_EVENT_TYPE);
            }
        }
        String secret = WebhookSignature.newSecret();
        WebhookEndpoint endpoint = new WebhookEndpoint("ep_" + UUID.randomUUID().toString().replace("-", ""), url,
                List.copyOf(eventTypes), description == null ? "" : description, WebhookEndpoint.ACTIVE,
                clock.instant(), null, 0, null);
        transactions.inTransaction(tx -> {
            endpoints.insert(tx.connection(), endpoint, secret);
            return null;
        });
        refreshEndpoints();
        return new EndpointResult(endpoint, secret, null);
    }

    @Override
    public EndpointResult rotateSecret(String endpointId) {
        String secret = WebhookSignature.newSecret();
        Instant expires = clock.instant().plus(PREVIOUS_SECRET_VALIDITY);
        return changed(endpointId, secret, tx -> endpoints.rotate(tx.connection(), endpointId, secret, expires));
    }

    @Override
    public EndpointResult disableEndpoint(String endpointId) {
        return changed(endpointId, null, tx -> endpoints.setStatus(tx.connection(), endpointId, WebhookEndpoint.DISABLED));
    }

    /** Also takes the endpoint as healthy again: its waiting deliveries are due at once (the runbook's "try now"). */
    @Override
    public EndpointResult enableEndpoint(String endpointId) {
        return changed(endpointId, null, tx -> {
            if (!endpoints.setStatus(tx.connection(), endpointId, WebhookEndpoint.ACTIVE)) {
                return false;
            }
            endpoints.setHealth(tx.connection(), endpointId, EndpointHealth.HEALTHY);
            deliveries.pullForward(tx.connection(), endpointId, clock.instant());
            return true;
        });
    }

    private EndpointResult changed(String endpointId, String secret, dev.oms.messaging.SqlWork<Boolean> change) {
        EndpointResult result = transactions.inTransaction(tx -> {
            if (endpointId == null || !change.run(tx)) {
                return EndpointResult.refused("endpointId", "no endpoint " + endpointId, WebhookError.NOT_FOUND);
            }
            return new EndpointResult(endpoints.find(tx.connection(), endpointId).orElseThrow().endpoint(), secret, null);
        });
        refreshEndpoints();
        return result;
    }

    /** Deliveries in the status (PENDING or FAILED); NaN while the database cannot be read. */
    private double unsent(String status) {
        try {
            return transactions.inTransaction(tx -> deliveries.count(tx.connection(), status));
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    private double endpointsDown() {
        try {
            return transactions.inTransaction(tx -> endpoints.countOpen(tx.connection()));
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    @Override
    public List<WebhookEndpoint> listEndpoints() {
        return transactions.inTransaction(tx ->
                endpoints.all(tx.connection(), false).stream().map(EndpointTable.Stored::endpoint).toList());
    }

    @Override
    public List<WebhookDelivery> deliveries(String endpointId, String status, int limit) {
        int page = Math.max(1, Math.min(limit, MAX_PAGE));
        return transactions.inTransaction(tx -> deliveries.list(tx.connection(), endpointId, status, page));
    }

    @Override
    public DeliveryResult redeliver(String deliveryId) {
        return transactions.inTransaction(tx -> {
            if (deliveryId == null || !deliveries.redeliver(tx.connection(), deliveryId, clock.instant())) {
                return DeliveryResult.refused("deliveryId", "no delivery " + deliveryId, WebhookError.NOT_FOUND);
            }
            return new DeliveryResult(deliveries.find(tx.connection(), deliveryId).orElseThrow(), null);
        });
    }
}
