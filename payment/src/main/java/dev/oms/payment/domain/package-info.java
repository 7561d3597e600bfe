/** Pure payment logic: the payment state machine and the idempotency keys of provider calls. */
package dev.oms.payment.domain;
