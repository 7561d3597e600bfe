package dev.oms.notification.adapters;

/** The SMTP server could not be reached or refused the message: nothing was delivered, the command is retried. */
public final class MailDeliveryException extends RuntimeException {
    public MailDeliveryException(String message, Throwable cause) {
        super(message, cause);
    }
}
