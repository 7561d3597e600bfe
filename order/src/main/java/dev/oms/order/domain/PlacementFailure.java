package dev.oms.order.domain;

/** Why placing an order was undone: somebody asked for it, or one of its steps refused. */
public sealed interface PlacementFailure {

    String reason();

    /** A customer's cancellation or an operator's compensation. */
    record CancelledOnRequest(String reason) implements PlacementFailure {}

    /** Stock, payment or shipment refused, or did not answer in time. */
    record Refused(String reason) implements PlacementFailure {}
}
