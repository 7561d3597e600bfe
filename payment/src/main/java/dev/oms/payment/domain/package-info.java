/**
 * Pure payment logic: the payment and increment state machines, how a refund spreads over authorizations, and the
 * idempotency keys of provider calls.
 */
package dev.oms.payment.domain;
