package dev.oms.app.invariants;

/** One broken invariant: which rule, and the rows that break it. */
public record Violation(String invariant, String detail) {

    @Override
    public String toString() {
        return invariant + ": " + detail;
    }
}
