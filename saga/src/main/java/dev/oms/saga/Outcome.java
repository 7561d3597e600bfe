package dev.oms.saga;

/** What a step's reply (or local action) means for the saga: go on with new data, or fail with a reason. */
public sealed interface Outcome<D> {

    record Success<D>(D data) implements Outcome<D> {}

    record Failure<D>(String reason) implements Outcome<D> {}

    static <D> Outcome<D> success(D data) {
        return new Success<>(data);
    }

    static <D> Outcome<D> failure(String reason) {
        return new Failure<>(reason);
    }
}
