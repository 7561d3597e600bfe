package dev.oms.fulfillment.adapters;

import com.google.protobuf.Message;
import dev.oms.contracts.MessageTypes;
import dev.oms.contracts.fulfillment.v1.CancelReturnExpectation;
import dev.oms.contracts.fulfillment.v1.CancelShipment;
import dev.oms.contracts.fulfillment.v1.CancelUnshipped;
import dev.oms.contracts.fulfillment.v1.ExpectReturn;
import dev.oms.contracts.fulfillment.v1.CreateShipment;
import dev.oms.contracts.fulfillment.v1.ReviseShipment;
import dev.oms.fulfillment.api.FulfillmentConfig;
import dev.oms.messaging.IncomingMessage;
import dev.oms.messaging.MessageHandler;
import dev.oms.messaging.TransactionContext;
import dev.oms.messaging.Transactions;
import java.util.Map;
import java.util.Set;

/** Routes each fulfillment command to its handler, and builds the auto-advance job on the same tables. */
public final class FulfillmentCommandHandler implements MessageHandler {
    private final Map<String, MessageHandler> handlers;
    private final ShipmentTable shipments = new ShipmentTable();
    private final ReturnReceiptTable returns = new ReturnReceiptTable();
    private final AutoAdvance autoAdvance;

    public FulfillmentCommandHandler(FulfillmentConfig config) {
        autoAdvance = new AutoAdvance(config);
        handlers = Map.of(
                type(CreateShipment.getDefaultInstance()), new CreateShipmentHandler(shipments, autoAdvance),
                type(CancelShipment.getDefaultInstance()), new CancelShipmentHandler(shipments),
                type(ExpectReturn.getDefaultInstance()), new ExpectReturnHandler(returns),
                type(CancelReturnExpectation.getDefaultInstance()), new CancelReturnExpectationHandler(returns),
                type(CancelUnshipped.getDefaultInstance()), new CancelUnshippedHandler(shipments),
                type(ReviseShipment.getDefaultInstance()),
                new ReviseShipmentHandler(shipments, new ShipmentRevisionTable(), autoAdvance));
    }

    /** The command types this handler applies: the types its subscription asks for. */
    public Set<String> types() {
        return handlers.keySet();
    }

    public ShipmentDesk desk(Transactions transactions) {
        return new ShipmentDesk(transactions, shipments, autoAdvance);
    }

    public ShipmentAdvancer advancer(Transactions transactions) {
        return new ShipmentAdvancer(transactions, shipments, autoAdvance);
    }

    @Override
    public void handle(IncomingMessage message, TransactionContext tx) throws Exception {
        MessageHandler handler = handlers.get(message.type());
        if (handler == null) {
            throw new IllegalArgumentException("fulfillment does not handle " + message.type());
        }
        handler.handle(message, tx);
    }

    private static String type(Message prototype) {
        return MessageTypes.typeOf(prototype);
    }
}
