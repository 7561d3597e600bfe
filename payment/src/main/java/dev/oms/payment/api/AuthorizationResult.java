package dev.oms.payment.api;

/** A payment provider's answer to an authorization: funds held, or declined with the provider's code. */
public sealed interface AuthorizationResult {

    record Approved(String authorizationId) implements AuthorizationResult {}

    record Declined(String code, String reason) implements AuthorizationResult {}
}
