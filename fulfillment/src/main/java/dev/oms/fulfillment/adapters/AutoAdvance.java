package dev.oms.fulfillment.adapters;

import dev.oms.fulfillment.api.FulfillmentConfig;
import dev.oms.fulfillment.domain.ShipmentStatus;
import java.time.Instant;

/** When a shipment in a given status is next due to move on by itself, if ever. */
final class AutoAdvance {
    private final FulfillmentConfig config;

    AutoAdvance(FulfillmentConfig config) {
        this.config = config;
    }

    Instant nextDue(ShipmentStatus status, Instant now) {
        return config.autoAdvances() && !status.isFinal() ? now.plus(config.autoAdvanceStep()) : null;
    }
}
