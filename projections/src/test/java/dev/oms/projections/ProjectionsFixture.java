package dev.oms.projections;

import com.google.protobuf.Message;
import com.zaxxer.hikari.HikariDataSource;
import dev.oms.contracts.Channels;
import dev.oms.contracts.Envelope;
import dev.oms.contracts.MessageTypes;
import dev.oms.infra.SharedTestInfra;
import dev.oms.messaging.IncomingMessage;
import dev.oms.messaging.ServiceRuntime;
import dev.oms.messaging.testing.Stimulus;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * The projections service on a fresh database, its runtime never started: events are applied straight through
 * its handler, each in a transaction of its own as the consumer would.
 */
final class ProjectionsFixture implements AutoCloseable {
    final HikariDataSource dataSource;
    private final ServiceRuntime runtime;
    final ProjectionsService service;

    ProjectionsFixture() {
        this(false);
    }

    /** With {@code notifyOtherProcesses}, as in a deployment where BFFs in other processes listen. */
    ProjectionsFixture(boolean notifyOtherProcesses) {
        dataSource = SharedTestInfra.freshDatabase(ProjectionsService.NAME)
                .dataSource("projections-it", ProjectionsService.NAME, 4);
        runtime = new ServiceRuntime(ProjectionsService.NAME, dataSource, "127.0.0.1:9", Clock.systemUTC());
        runtime.migrate();
        service = ProjectionsService.register(runtime, notifyOtherProcesses);
    }

    /** Wraps each event as it would arrive from the bus, keyed by the order (or sku) it concerns. */
    static List<IncomingMessage> messages(String key, Message... events) {
        return Arrays.stream(events).map(event -> Stimulus.message(key, null, event)).toList();
    }

    /** One event as it would arrive from the bus, emitted at {@code at} by {@code producer} because of {@code cause}. */
    static IncomingMessage message(String key, Message event, Instant at, String producer, UUID cause) {
        String type = MessageTypes.typeOf(event);
        Envelope envelope = new Envelope(UUID.randomUUID(), type, MessageTypes.schemaVersionOf(type), key, cause, null,
                at, null, producer);
        return new IncomingMessage(envelope, event, Channels.EVENTS, 0, 0);
    }

    /** One event emitted at {@code at}. */
    static IncomingMessage message(String key, Message event, Instant at) {
        return message(key, event, at, "test", null);
    }

    void apply(String key, Message... events) {
        apply(messages(key, events));
    }

    void apply(List<IncomingMessage> messages) {
        for (IncomingMessage message : messages) {
            runtime.transactions().inTransaction(message.envelope(), tx -> {
                service.handler().handle(message, tx);
                return null;
            });
        }
    }

    @Override
    public void close() {
        runtime.close();
        dataSource.close();
    }
}
