package dev.oms.projections.api;

import java.util.function.Consumer;

/**
 * Live changes of the read models, told after the projection's transaction committed, so a listener that reads
 * the queries sees at least that state. Listeners run on the consumer's thread and must not block.
 */
public interface ProjectionUpdates {

    /** Each visible order's status as it changes (and once when the order first becomes visible). */
    Registration onOrderUpdate(Consumer<OrderUpdate> listener);

    /** Each new snapshot of a saga. */
    Registration onSagaUpdate(Consumer<SagaView> listener);

    /** Ends a listener's registration. */
    @FunctionalInterface
    interface Registration extends AutoCloseable {
        @Override
        void close();
    }
}
