package dev.oms.notification.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The customer emails there is a template for, by the template name a SendNotification gives. */
public enum MailKind {
    ORDER_CONFIRMED("order_confirmed"),
    ORDER_SHIPPED("order_shipped"),
    ORDER_DELIVERED("order_delivered"),
    ORDER_CANCELLED("order_cancelled"),
    ORDER_REFUNDED("order_refunded");

    private final String template;

    MailKind(String template) {
        this.template = template;
    }

    public String template() {
        return template;
    }

    /** The kind of a template name; "order-confirmed" and "ORDER_CONFIRMED" name the same as "order_confirmed". */
    public static Optional<MailKind> of(String template) {
        String normalized = template == null ? "" : template.trim().toLowerCase(Locale.ROOT).replace('-', '_');
        return Arrays.stream(values()).filter(k -> k.template.equals(normalized)).findFirst();
    }
}
