package dev.oms.projections.api;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Projection updates within one JVM: the projections publish, the BFF listens. A failing listener is logged and
 * the others are still told.
 */
public final class LocalProjectionUpdates implements ProjectionUpdates {
    private static final System.Logger LOG = System.getLogger(LocalProjectionUpdates.class.getName());

    private final List<Consumer<OrderUpdate>> orderListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<SagaView>> sagaListeners = new CopyOnWriteArrayList<>();

    @Override
    public Registration onOrderUpdate(Consumer<OrderUpdate> listener) {
        return register(orderListeners, listener);
    }

    @Override
    public Registration onSagaUpdate(Consumer<SagaView> listener) {
        return register(sagaListeners, listener);
    }

    /** Whether anyone listens to sagas now; when nobody does, the projections need not read what they would tell. */
    public boolean hasSagaListeners() {
        return !sagaListeners.isEmpty();
    }

    public boolean hasOrderListeners() {
        return !orderListeners.isEmpty();
    }

    public void publish(OrderUpdate update) {
        tell(orderListeners, update);
    }

    public void publish(SagaView saga) {
        tell(sagaListeners, saga);
    }

    private static <T> Registration register(List<Consumer<T>> listeners, Consumer<T> listener) {
        Consumer<T> registered = listener::accept; // a fresh identity, so the same listener may register twice
        listeners.add(registered);
        return () -> listeners.remove(registered);
    }

    private static <T> void tell(List<Consumer<T>> listeners, T update) {
        for (Consumer<T> listener : listeners) {
            try {
                listener.accept(update);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "projection update listener failed", e);
            }
        }
    }
}
