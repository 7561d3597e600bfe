package dev.oms.bff.shipments;

import dev.oms.bff.auth.Callers;
import dev.oms.bff.graphql.ErrorCodes;
import dev.oms.bff.graphql.MutationSpans;
import dev.oms.bff.graphql.Unavailable;
import dev.oms.bff.graphql.UserErrorView;
import dev.oms.fulfillment.api.FulfillmentCommands;
import dev.oms.fulfillment.api.ShipmentAction;
import dev.oms.fulfillment.api.ShipmentUnits;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/** Operators on the warehouse floor: hold a shipment, release it, ship what is there now. */
@Controller
class ShipmentController {
    private final FulfillmentCommands warehouse;

    ShipmentController(FulfillmentCommands warehouse) {
        this.warehouse = warehouse;
    }

    record ShipmentUnitsInput(String sku, int quantity) {}

    /** The shipment after the action; {@code shippedShipmentId} names the part that left when only some units did. */
    record ShipmentActionPayload(String shipmentId, String status, Boolean held, String shippedShipmentId,
                                 List<UserErrorView> userErrors) {}

    @MutationMapping
    ShipmentActionPayload shipmentHold(@Argument String shipmentId, @Argument String reason) {
        Callers.current().requireOps();
        return act("shipmentHold", shipmentId, () -> warehouse.holdShipment(shipmentId, reason));
    }

    @MutationMapping
    ShipmentActionPayload shipmentRelease(@Argument String shipmentId) {
        Callers.current().requireOps();
        return act("shipmentRelease", shipmentId, () -> warehouse.releaseShipment(shipmentId));
    }

    @MutationMapping
    ShipmentActionPayload shipmentShip(@Argument String shipmentId, @Argument List<ShipmentUnitsInput> units) {
        Callers.current().requireOps();
        List<ShipmentUnits> asked = units == null ? List.of()
                : units.stream().map(u -> new ShipmentUnits(u.sku(), u.quantity())).toList();
        return act("shipmentShip", shipmentId, () -> warehouse.shipShipment(shipmentId, asked));
    }

    private static ShipmentActionPayload act(String name, String shipmentId, Supplier<ShipmentAction> call) {
        ShipmentAction result = MutationSpans.traced(name, () -> Unavailable.orRefused(call,
                message -> ShipmentAction.refused(shipmentId, ErrorCodes.SERVICE_UNAVAILABLE, null, message)));
        if (result.error() != null) {
            return new ShipmentActionPayload(null, null, null, null, List.of(UserErrorView.of(result.error().field(),
                    result.error().message(), result.error().code())));
        }
        return new ShipmentActionPayload(result.shipmentId(), result.status(), result.held(),
                result.shippedShipmentId(), List.of());
    }
}
