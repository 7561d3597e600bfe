package dev.oms.projections.order;

import com.google.protobuf.Message;
import dev.oms.contracts.Envelope;
import dev.oms.contracts.MessageTypes;
import dev.oms.messaging.IncomingMessage;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/** Which in-memory twin folds which event type into an order's rows; the rebuild's {@code EventRoutes}. */
final class FoldRoutes {

    /** Folds one event into the rows of the order it concerns, as the projector's SQL would change them. */
    @FunctionalInterface
    interface Twin<T extends Message> {
        void apply(T event, Envelope envelope, FoldedOrder order);
    }

    private final Map<String, BiConsumer<IncomingMessage, FoldedOrder>> byType = new HashMap<>();

    <T extends Message> FoldRoutes on(T prototype, Twin<T> twin) {
        @SuppressWarnings("unchecked")
        Class<T> type = (Class<T>) prototype.getClass();
        String name = MessageTypes.typeOf(prototype);
        if (byType.putIfAbsent(name, (message, order) ->
                twin.apply(type.cast(message.payload()), message.envelope(), order)) != null) {
            throw new IllegalStateException("two twins for " + name);
        }
        return this;
    }

    Set<String> types() {
        return Set.copyOf(byType.keySet());
    }

    void apply(IncomingMessage message, FoldedOrder order) {
        BiConsumer<IncomingMessage, FoldedOrder> twin = byType.get(message.type());
        if (twin != null) {
            twin.accept(message, order);
        }
    }
}
