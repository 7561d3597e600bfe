package dev.oms.fulfillment;

import dev.oms.contracts.fulfillment.v1.ShipmentCreated;
import dev.oms.contracts.fulfillment.v1.ShipmentRejected;
import dev.oms.contracts.fulfillment.v1.ShipmentCancelled;
import dev.oms.contracts.fulfillment.v1.ShipmentStatusChanged;
import dev.oms.contracts.fulfillment.v1.ShipmentCancelRefused;
import dev.oms.contracts.fulfillment.v1.ShipmentReviseRefused;
import dev.oms.contracts.fulfillment.v1.ShipmentRevised;
import dev.oms.contracts.fulfillment.v1.ShipmentHoldChanged;
import dev.oms.contracts.Channels;
import dev.oms.contracts.fulfillment.v1.ReturnCancelRefused;
import dev.oms.contracts.fulfillment.v1.ReturnExpectationCancelled;
import dev.oms.contracts.fulfillment.v1.ReturnReceived;
import dev.oms.fulfillment.adapters.FulfillmentCommandHandler;
import dev.oms.contracts.fulfillment.v1.UnshippedCancelled;
import dev.oms.fulfillment.adapters.ReturnDesk;
import dev.oms.fulfillment.adapters.ShipmentDesk;
import dev.oms.fulfillment.api.ShipmentAction;
import dev.oms.fulfillment.api.ShipmentUnits;
import dev.oms.fulfillment.api.FulfillmentCommands;
import dev.oms.fulfillment.api.ReceivedUnits;
import dev.oms.fulfillment.api.ReturnReceipt;
import dev.oms.fulfillment.adapters.ShipmentAdvancer;
import dev.oms.fulfillment.api.FulfillmentConfig;
import dev.oms.messaging.MessageHandler;
import dev.oms.messaging.ServiceRuntime;
import dev.oms.messaging.Subscription;
import java.time.Duration;
import java.util.List;

/**
 * The fulfillment service: creates, revises (order edits) and cancels shipments on the commands of its topic, tracks
 * their progress, and receives returns (an operator's receipt answers the Return saga that waits for it).
 */
public final class FulfillmentService implements FulfillmentCommands {
    public static final String NAME = "fulfillment";
    static final Duration AUTO_ADVANCE_POLL = Duration.ofMillis(200);

    private final FulfillmentCommandHandler handler;
    private final ShipmentAdvancer advancer;
    private final ReturnDesk returnDesk;
    private final ShipmentDesk shipmentDesk;

    private FulfillmentService(ServiceRuntime runtime, FulfillmentConfig config) {
        this.handler = new FulfillmentCommandHandler(config);
        this.advancer = handler.advancer(runtime.transactions());
        this.returnDesk = new ReturnDesk(runtime.transactions());
        this.shipmentDesk = handler.desk(runtime.transactions());
    }

    @Override
    public ShipmentAction holdShipment(String shipmentId, String reason) {
        return shipmentDesk.hold(shipmentId, reason);
    }

    @Override
    public ShipmentAction releaseShipment(String shipmentId) {
        return shipmentDesk.release(shipmentId);
    }

    @Override
    public ShipmentAction shipShipment(String shipmentId, List<ShipmentUnits> units) {
        return shipmentDesk.ship(shipmentId, units);
    }

    @Override
    public ReturnReceipt receiveReturn(String returnId, List<ReceivedUnits> units) {
        return returnDesk.receiveReturn(returnId, units);
    }

    /** Registers with shipments that stay where they are until told otherwise. */
    public static FulfillmentService register(ServiceRuntime runtime) {
        return register(runtime, FulfillmentConfig.manual());
    }

    /**
     * Registers its subscriptions and, when the config auto-advances, the job that moves due shipments on. The
     * caller runs runtime.migrate() before and runtime.start() after.
     */
    public static FulfillmentService register(ServiceRuntime runtime, FulfillmentConfig config) {
        FulfillmentService service = new FulfillmentService(runtime, config);
        runtime.produces(ShipmentCreated.getDefaultInstance(), ShipmentRejected.getDefaultInstance(),
                ShipmentCancelled.getDefaultInstance(), ShipmentStatusChanged.getDefaultInstance(),
                ShipmentCancelRefused.getDefaultInstance(), ReturnReceived.getDefaultInstance(),
                ReturnExpectationCancelled.getDefaultInstance(), ReturnCancelRefused.getDefaultInstance(),
                UnshippedCancelled.getDefaultInstance(), ShipmentRevised.getDefaultInstance(),
                ShipmentReviseRefused.getDefaultInstance(), ShipmentHoldChanged.getDefaultInstance());
        runtime.subscribe(Subscription.of(NAME, List.of(Channels.FULFILLMENT_COMMANDS), service.handler.types(),
                service.handler));
        if (config.autoAdvances()) {
            runtime.every("shipment-auto-advance", AUTO_ADVANCE_POLL, service.advancer::advanceDue);
        }
        return service;
    }

    MessageHandler handler() {
        return handler;
    }

    int advanceDueShipments() {
        return advancer.advanceDue();
    }
}
