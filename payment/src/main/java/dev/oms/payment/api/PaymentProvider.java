package dev.oms.payment.api;

/**
 * A card payment provider. Every call carries an idempotency key: the provider must answer a repeated key with
 * the outcome it recorded the first time and never book twice, so a retry after a crash is always safe. The order
 * id is passed as the merchant reference. A provider that cannot answer (timeout, outage) throws
 * {@link PaymentProviderException}; the command is then retried with the same key.
 */
public interface PaymentProvider {

    AuthorizationResult authorize(String idempotencyKey, String orderId, String paymentToken, Money amount);

    void capture(String idempotencyKey, String orderId, String authorizationId, Money amount);

    void voidAuthorization(String idempotencyKey, String orderId, String authorizationId);
}
