package dev.oms.notification.domain;

/**
 * Where an email goes. SendNotification carries a recipient, which today's senders fill with the customer id: an
 * address (it has an '@') is used as it is, anything else through the configured rule, e.g.
 * {@code {customerId}@example.test}; {@code {recipient}} names the command's recipient.
 */
public final class Recipients {
    private Recipients() {}

    public static String address(String recipient, String customerId, String rule) {
        if (recipient != null && recipient.contains("@")) {
            return recipient.trim();
        }
        return rule.replace("{customerId}", nullToEmpty(customerId)).replace("{recipient}", nullToEmpty(recipient));
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
