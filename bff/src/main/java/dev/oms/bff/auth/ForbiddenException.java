package dev.oms.bff.auth;

/** The caller is signed in but their role may not do this; the message names the rule, never any data. */
public final class ForbiddenException extends RuntimeException {
    public ForbiddenException(String message) {
        super(message);
    }
}
