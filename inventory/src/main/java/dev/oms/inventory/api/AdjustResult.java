package dev.oms.inventory.api;

/** The stock level after an adjustment, or why it was refused (then errorCode is set and nothing changed). */
public record AdjustResult(StockLevel level, String errorCode, String errorMessage) {
    public static final String INVALID_INPUT = "INVALID_INPUT";
    public static final String BELOW_RESERVED = "BELOW_RESERVED";
    public static final String UNKNOWN_STOCK = "UNKNOWN_STOCK";

    public static AdjustResult adjusted(StockLevel level) {
        return new AdjustResult(level, null, null);
    }

    public static AdjustResult refused(String code, String message) {
        return new AdjustResult(null, code, message);
    }
}
