package dev.oms.bff.auth;

/** The operation needs a bearer token and the request had none. */
public final class NotSignedInException extends RuntimeException {
    public NotSignedInException() {
        super("sign in: send a bearer token (Authorization: Bearer <token>)");
    }
}
