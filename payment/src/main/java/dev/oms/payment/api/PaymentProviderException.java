package dev.oms.payment.api;

/**
 * The provider did not give an answer (unreachable, refused the request): worth retrying with the same key. A
 * request it took and did not answer in time is a {@link PaymentProviderTimeoutException}.
 */
public class PaymentProviderException extends RuntimeException {
    public PaymentProviderException(String message, Throwable cause) {
        super(message, cause);
    }
}
