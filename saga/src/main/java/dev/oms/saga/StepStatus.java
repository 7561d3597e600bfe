package dev.oms.saga;

/** Where one step of one saga instance stands. */
public enum StepStatus {
    PENDING,
    RUNNING,
    SUCCEEDED,
    FAILED,
    COMPENSATING,
    COMPENSATED
}
