package dev.oms.messaging;

import dev.oms.messaging.release.ReleaseColor;
import dev.oms.messaging.release.ReleaseMembership;
import dev.oms.messaging.release.ReleaseRoutes;
import io.micrometer.core.instrument.Tags;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every service runs on: its schema (migrated on start), transactions with an outbox, the relay
 * that publishes that outbox, its consumers and its periodic jobs. Plain Java, so a service can be started
 * from the all-in-one launcher, from its own runner, or from a test.
 */
public final class ServiceRuntime implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ServiceRuntime.class);

    private final String service;
    private final String bootstrap;
    private final Transactions transactions;
    private final OutboxRelay relay;
    private final List<Subscription> subscriptions = new ArrayList<>();
    private final List<MessageConsumer> consumers = new ArrayList<>();
    private final List<ScheduledJob> jobs = new ArrayList<>();
    private final List<AutoCloseable> gauges = new ArrayList<>();
    private ScheduledExecutorService scheduler;
    private final ReleaseRoutes releaseRoutes;
    private ReleaseColor releaseColor = ReleaseColor.BLUE;

    private record ScheduledJob(String name, Duration period, Runnable task) {}

    public ServiceRuntime(String service, DataSource dataSource, String bootstrap, Clock clock) {
        this.service = service;
        this.bootstrap = bootstrap;
        this.relay = new OutboxRelay(service, dataSource, () -> KafkaClients.producer(bootstrap, service + "-relay"),
                Duration.ofMillis(100), 500);
        this.transactions = new Transactions(service, dataSource, clock, relay::wakeUp);
        this.releaseRoutes = new ReleaseRoutes(dataSource);
    }

    /** Which side of a blue/green release this copy is on (blue unless told); before start. */
    public void releaseAs(ReleaseColor color) {
        releaseColor = color;
    }

    public String service() {
        return service;
    }

    public Transactions transactions() {
        return transactions;
    }

    /** Migrates the service's schema (named after the service), with the tables of the given shared components. */
    public void migrate(String... components) {
        SchemaMigrator.migrate(transactions.dataSource(), service, components);
    }

    public void subscribe(Subscription subscription) {
        subscriptions.add(subscription);
        transactions.schemas().declareConsumed(subscription);
    }

    /**
     * Declares the message types this service emits (by a prototype of each, e.g. {@code X.getDefaultInstance()}).
     * Emitting any other type fails; the declarations are registered in the schema's message_registry on start.
     */
    public void produces(com.google.protobuf.Message... prototypes) {
        transactions.schemas().declareProduced(List.of(prototypes));
    }

    /** The subscriptions registered so far, e.g. to re-deliver history to one of them from the audit log. */
    public List<Subscription> subscriptions() {
        return List.copyOf(subscriptions);
    }

    /** Runs {@code task} every {@code period} once started; a failing run is logged and the next one goes on. */
    public void every(String name, Duration period, Runnable task) {
        jobs.add(new ScheduledJob(name, period, task));
    }

    /**
     * A gauge of the service in the global registry ({@code tags} as key, value, ...), read when scraped, until the
     * runtime closes. The source answers NaN rather than throwing while it cannot tell.
     */
    public void gauge(String name, String description, DoubleSupplier source, String... tags) {
        gauges.add(SharedGauge.register(name, description, Tags.of(tags), source));
    }

    /** See {@link OutboxRelay#keepRelayed}: before start. */
    public void keepRelayedMessages(Duration retention, boolean republishOnStart) {
        relay.keepRelayed(retention, republishOnStart);
    }

    public void start() {
        transactions.inTransaction(tx -> {
            transactions.schemas().register(tx.connection());
            return null;
        });
        relay.start();
        for (Subscription subscription : subscriptions) {
            MessageConsumer consumer = new MessageConsumer(subscription, transactions, bootstrap,
                    new ReleaseMembership(releaseColor, releaseRoutes::current));
            consumers.add(consumer);
            consumer.start();
        }
        if (!jobs.isEmpty()) {
            scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, service + "-jobs");
                t.setDaemon(true);
                return t;
            });
            for (ScheduledJob job : jobs) {
                scheduler.scheduleWithFixedDelay(() -> runJob(job), job.period().toMillis(), job.period().toMillis(),
                        TimeUnit.MILLISECONDS);
            }
        }
    }

    private void runJob(ScheduledJob job) {
        try {
            job.task().run();
        } catch (RuntimeException e) {
            log.warn("{} job {} failed: {}", service, job.name(), e.toString());
        }
    }

    @Override
    public void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
        consumers.forEach(MessageConsumer::close);
        relay.close();
        for (AutoCloseable gauge : gauges) {
            try {
                gauge.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
