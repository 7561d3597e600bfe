package dev.oms.projections.order;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.Message;
import dev.oms.contracts.Envelope;
import dev.oms.contracts.Upcasters;
import dev.oms.contracts.cart.v1.CartEvents;
import dev.oms.contracts.fulfillment.v1.FulfillmentEvents;
import dev.oms.contracts.inventory.v1.InventoryEvents;
import dev.oms.contracts.notification.v1.NotificationEvents;
import dev.oms.contracts.order.v1.OrderEvents;
import dev.oms.contracts.payment.v1.PaymentEvents;
import dev.oms.messaging.IncomingMessage;
import dev.oms.messaging.MessageHandler;
import dev.oms.messaging.TransactionContext;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Records every event of an order, whichever service emitted it, for the order's timeline. An order event is any
 * event type with an {@code order_id} field, so a new one joins the timeline without a change here.
 */
final class OrderTimeline implements MessageHandler {
    private static final String ORDER_ID = "order_id";

    static Set<String> types() {
        return Stream.of(CartEvents.getDescriptor(), InventoryEvents.getDescriptor(),
                        dev.oms.contracts.inventory.v2.InventoryEvents.getDescriptor(), PaymentEvents.getDescriptor(),
                        FulfillmentEvents.getDescriptor(), NotificationEvents.getDescriptor(),
                        OrderEvents.getDescriptor())
                .map(FileDescriptor::getMessageTypes)
                .flatMap(List::stream)
                .filter(type -> isOrderId(type.findFieldByName(ORDER_ID)))
                .map(Descriptor::getFullName)
                .map(Upcasters::currentTypeOf) // older versions arrive upcast to these
                .collect(Collectors.toUnmodifiableSet());
    }

    private static boolean isOrderId(FieldDescriptor field) {
        return field != null && !field.isRepeated() && field.getJavaType() == FieldDescriptor.JavaType.STRING;
    }

    @Override
    public void beforeBatch(List<IncomingMessage> messages, TransactionContext tx) throws Exception {
        OrderPollWrites.write(tx.connection(), messages);
    }

    @Override
    public void handle(IncomingMessage message, TransactionContext tx) throws Exception {
        Envelope envelope = message.envelope();
        if (!OrderPollWrites.timelineWritten(tx.connection(), envelope.messageId())) {
            OrderPollWrites.insertTimeline(tx.connection(), List.of(message));
        }
    }

    /** The same row in memory, for a rebuild. */
    static void fold(IncomingMessage message, FoldedOrder order) {
        Envelope envelope = message.envelope();
        order.events.putIfAbsent(envelope.messageId(), new Object[] {envelope.messageId(), order.orderId,
                envelope.type(), envelope.occurredAt(), envelope.causationId(), envelope.producer(), envelope.sagaId()});
    }

    /** The order an event concerns: its order_id field, else its correlation id. */
    static String orderIdOf(Message payload, Envelope envelope) {
        FieldDescriptor field = payload.getDescriptorForType().findFieldByName(ORDER_ID);
        String orderId = field == null ? "" : (String) payload.getField(field);
        return orderId.isEmpty() ? envelope.correlationId() : orderId;
    }
}
