package dev.oms.saga;

/** How a step behaves when a later step fails. */
public enum StepKind {
    /** Undone by its compensation, in reverse order, when a later step fails. */
    COMPENSATABLE,
    /** The point of no return: once it succeeds the saga only goes forward. */
    PIVOT,
    /** After the pivot: retried until it succeeds; never compensated. */
    RETRIABLE
}
