package dev.oms.payment.api;

/** A payment provider's answer to a capture: funds taken, or refused for now with the provider's reason. */
public sealed interface CaptureResult {

    record Captured() implements CaptureResult {}

    record Refused(String reason) implements CaptureResult {}
}
