package dev.oms.payment.api;

/**
 * The provider took the request and gave no answer in time: it may or may not have acted on it. Asking again with
 * the same idempotency key is safe; releasing whatever it holds for the order is too.
 */
public class PaymentProviderTimeoutException extends PaymentProviderException {
    public PaymentProviderTimeoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
