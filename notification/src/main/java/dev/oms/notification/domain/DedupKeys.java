package dev.oms.notification.domain;

/** Which notifications count as one. */
public final class DedupKeys {
    private DedupKeys() {}

    /**
     * The sender's key when it gives one; otherwise one notification per order, template and channel, so that a
     * retried command without a key still never mails twice.
     */
    public static String resolve(String given, String orderId, String template, String channel) {
        if (given != null && !given.isBlank()) {
            return given;
        }
        return orderId + ":" + template + ":" + channel;
    }
}
