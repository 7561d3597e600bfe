package dev.oms.contracts;

import java.util.List;

/**
 * Kafka topic names. Commands go to the topic of the service that executes them; every event and reply
 * goes to the one event topic, keyed by order id, so that all of one order's events, whichever service
 * emitted them, stay in causal order on one partition.
 */
public final class Channels {
    public static final String EVENTS = "oms.events";
    public static final String INVENTORY_COMMANDS = "oms.inventory.commands";
    public static final String PAYMENT_COMMANDS = "oms.payment.commands";
    public static final String FULFILLMENT_COMMANDS = "oms.fulfillment.commands";
    public static final String NOTIFICATION_COMMANDS = "oms.notification.commands";
    /** Where a consumer publishes what it parked (MessageDeadLettered), for operators and alerting. */
    public static final String DEAD_LETTER = "oms.dead-letter";

    public static final List<String> ALL =
            List.of(EVENTS, INVENTORY_COMMANDS, PAYMENT_COMMANDS, FULFILLMENT_COMMANDS, NOTIFICATION_COMMANDS, DEAD_LETTER);

    private Channels() {}
}
