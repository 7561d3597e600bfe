package dev.oms.fulfillment.api;

/** Why the warehouse refused a request: a stable code, the input it concerns (or null) and a readable message. */
public record FulfillmentError(String code, String field, String message) {
    public static final String RETURN_NOT_FOUND = "RETURN_NOT_FOUND";
    public static final String RETURN_NOT_EXPECTED = "RETURN_NOT_EXPECTED";
    public static final String RETURN_ALREADY_RECEIVED = "RETURN_ALREADY_RECEIVED";
    public static final String INVALID_INPUT = "INVALID_INPUT";
    public static final String SHIPMENT_NOT_FOUND = "SHIPMENT_NOT_FOUND";
    public static final String SHIPMENT_ON_HOLD = "SHIPMENT_ON_HOLD";
    public static final String SHIPMENT_HAS_LEFT = "SHIPMENT_HAS_LEFT";
}
