package dev.oms.saga;

import com.google.protobuf.Message;

/** Turns a participant's reply into the step's outcome. */
@FunctionalInterface
public interface ReplyHandler<D, R extends Message> {
    Outcome<D> apply(D data, R reply);
}
