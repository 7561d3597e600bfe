package dev.oms.projections.api;

/** A pagination cursor that this API did not hand out: the client's mistake, safe to report back. */
public final class InvalidCursorException extends IllegalArgumentException {
    public InvalidCursorException(String cursor) {
        super("invalid cursor: " + cursor);
    }
}
