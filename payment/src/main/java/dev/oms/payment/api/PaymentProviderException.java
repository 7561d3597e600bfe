package dev.oms.payment.api;

/** The provider did not give an answer (unreachable, timed out, refused the request): worth retrying. */
public class PaymentProviderException extends RuntimeException {
    public PaymentProviderException(String message, Throwable cause) {
        super(message, cause);
    }
}
