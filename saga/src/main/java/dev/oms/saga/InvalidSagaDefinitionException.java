package dev.oms.saga;

/** A saga definition that breaks the step-kind rules; the message names the saga and the step. */
public class InvalidSagaDefinitionException extends RuntimeException {
    public InvalidSagaDefinitionException(String message) {
        super(message);
    }
}
