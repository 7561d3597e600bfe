package dev.oms.saga;

/** Where one step of one saga instance stands. */
public enum StepStatus {
    PENDING,
    RUNNING,
    SUCCEEDED,
    FAILED,
    /** No reply within the timeout: it may have happened, so it is compensated like a success. */
    TIMED_OUT,
    COMPENSATING,
    COMPENSATED
}
