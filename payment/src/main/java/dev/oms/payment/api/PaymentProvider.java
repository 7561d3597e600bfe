package dev.oms.payment.api;

/**
 * A card payment provider. Every call carries an idempotency key: the provider must answer a repeated key with
 * the outcome it recorded the first time and never book twice, so a retry after a crash is always safe. The order
 * id is passed as the merchant reference. A provider that cannot answer (outage, refused request) throws
 * {@link PaymentProviderException}; the command is then retried with the same key. One that took the request and
 * did not answer in time throws {@link PaymentProviderTimeoutException}: the outcome is unknown.
 */
public interface PaymentProvider {

    AuthorizationResult authorize(String idempotencyKey, String orderId, String paymentToken, Money amount);

    /** Takes the authorized funds, or refuses for now ({@link CaptureResult.Refused}): a later call may succeed. */
    CaptureResult capture(String idempotencyKey, String orderId, String authorizationId, Money amount);

    /**
     * Releases held funds. A null {@code authorizationId} (the authorization was never answered) releases whatever
     * the provider holds for the order, if anything.
     */
    void voidAuthorization(String idempotencyKey, String orderId, String authorizationId);

    /** Gives captured funds back to the card. */
    void refund(String idempotencyKey, String orderId, String authorizationId, Money amount);
}
