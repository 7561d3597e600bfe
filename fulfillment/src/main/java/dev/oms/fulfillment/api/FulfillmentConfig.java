package dev.oms.fulfillment.api;

import java.time.Duration;

/**
 * How the fulfillment service runs.
 *
 * @param autoAdvanceStep in development, the time after which a shipment moves one status on by itself
 *     (picked, packed, shipped, delivered); null or zero leaves shipments where they are
 */
public record FulfillmentConfig(Duration autoAdvanceStep) {

    public static FulfillmentConfig manual() {
        return new FulfillmentConfig(null);
    }

    public static FulfillmentConfig autoAdvancingEvery(Duration step) {
        return new FulfillmentConfig(step);
    }

    public boolean autoAdvances() {
        return autoAdvanceStep != null && !autoAdvanceStep.isZero() && !autoAdvanceStep.isNegative();
    }
}
