package dev.oms.payment.api;

/**
 * A payment provider's answer to an authorization: funds held, declined with the provider's code, or pending: the
 * card holder still has to confirm (3-D Secure, a bank app), and the provider's webhook will tell the outcome.
 */
public sealed interface AuthorizationResult {

    record Approved(String authorizationId) implements AuthorizationResult {}

    record Declined(String code, String reason) implements AuthorizationResult {}

    /** {@code reference}: what the provider's webhook will name the authorization by (the payment token here). */
    record Pending(String reference) implements AuthorizationResult {}
}
