package dev.oms.payment.domain;

/**
 * Keys for provider calls: the saga id and the command, so that every retry of one saga step (a redelivery or a
 * new command message) reaches the provider with the same key, while a new saga for the order gets a new one.
 */
public final class IdempotencyKeys {
    private IdempotencyKeys() {}

    /** {@code <sagaId>:<command>}; a command sent outside any saga falls back to the order id. */
    public static String of(String sagaId, String orderId, String command) {
        String scope = sagaId == null || sagaId.isBlank() ? orderId : sagaId;
        return scope + ":" + command;
    }
}
