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

    /** {@code <sagaId>:<command>:<operationId>}: one of the order's operations named by id (an edit, a return). */
    public static String of(String sagaId, String orderId, String command, String operationId) {
        return of(sagaId, orderId, command + ":" + operationId);
    }

    /**
     * The release of an increment's hold, whoever asks for it (the edit's compensation, a cancellation): scoped by the
     * order, not the saga, since the provider voids an authorization once under one key.
     */
    public static String releaseOf(String orderId, String operationId) {
        return of(null, orderId, "ReleaseIncrement", operationId);
    }

    /** The part of an operation {@code key} that one authorization takes, when the operation spreads over several. */
    public static String onAuthorization(String key, String authorizationId) {
        return key + ":" + authorizationId;
    }
}
