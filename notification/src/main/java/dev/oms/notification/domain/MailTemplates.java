package dev.oms.notification.domain;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The customer emails, one per {@link MailKind}: a subject and paragraphs with {@code {placeholders}}, rendered as
 * text and as HTML (values escaped there). Placeholders: {@code orderId}, {@code greeting} (from the optional
 * {@code name} param), {@code amount} (from the {@code amount} param in minor units and {@code currency}, or an
 * already formatted {@code total}) and {@code reason}. Values are inserted in one pass, so a value that looks like a
 * placeholder stays as it is.
 */
public final class MailTemplates {
    private static final String SIGNATURE = "Thank you for shopping with us.";

    private record Template(String subject, List<String> paragraphs) {}

    private static final Map<MailKind, Template> TEMPLATES = Map.of(
            MailKind.ORDER_CONFIRMED, new Template("Your order {orderId} is confirmed", List.of(
                    "{greeting}",
                    "we have received your order {orderId}{amountClause} and are getting it ready to ship.",
                    "We will write again when it is on its way.")),
            MailKind.ORDER_SHIPPED, new Template("Your order {orderId} is on its way", List.of(
                    "{greeting}",
                    "your order {orderId} has left our warehouse and is on its way to you.")),
            MailKind.ORDER_DELIVERED, new Template("Your order {orderId} has been delivered", List.of(
                    "{greeting}",
                    "your order {orderId} has been delivered. We hope you enjoy it.",
                    "If something is not right, you can return it from your order page.")),
            MailKind.ORDER_CANCELLED, new Template("Your order {orderId} has been cancelled", List.of(
                    "{greeting}",
                    "your order {orderId} has been cancelled{reasonClause}.",
                    "Anything you paid for it will be refunded to your original payment method.")),
            MailKind.ORDER_REFUNDED, new Template("Your refund for order {orderId}", List.of(
                    "{greeting}",
                    "we have refunded {amount} for your order {orderId} to your original payment method.",
                    "Depending on your bank it may take a few days to show on your statement.")));

    private MailTemplates() {}

    /** Renders {@code kind} for an order with the command's params; a refund without an amount is rejected. */
    public static RenderedMail render(MailKind kind, String orderId, Map<String, String> params) {
        Template template = TEMPLATES.get(kind);
        Map<String, String> values = values(kind, orderId, params);
        String subject = substitute(template.subject(), values, UnaryOperator.identity());
        StringBuilder text = new StringBuilder();
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>")
                .append(Html.escape(subject)).append("</title></head>\n<body>\n");
        for (String paragraph : template.paragraphs()) {
            text.append(substitute(paragraph, values, UnaryOperator.identity())).append("\n\n");
            html.append("<p>").append(substitute(Html.escape(paragraph), values, Html::escape)).append("</p>\n");
        }
        text.append(SIGNATURE).append('\n');
        html.append("<p>").append(Html.escape(SIGNATURE)).append("</p>\n</body></html>\n");
        return new RenderedMail(subject, text.toString(), html.toString());
    }

    private static Map<String, String> values(MailKind kind, String orderId, Map<String, String> params) {
        Map<String, String> values = new HashMap<>();
        values.put("orderId", orderId);
        String name = params.getOrDefault("name", "").trim();
        values.put("greeting", name.isEmpty() ? "Hello," : "Hello " + name + ",");
        String amount = amount(params);
        if (amount.isEmpty() && kind == MailKind.ORDER_REFUNDED) {
            throw new IllegalArgumentException("a refund email needs the params amount (minor units) and currency");
        }
        values.put("amount", amount);
        values.put("amountClause", amount.isEmpty() ? "" : " of " + amount);
        String reason = params.getOrDefault("reason", "").trim();
        values.put("reasonClause", reason.isEmpty() ? "" : " (" + reason + ")");
        return values;
    }

    private static String amount(Map<String, String> params) {
        String minor = params.get("amount");
        if (minor != null && !minor.isBlank()) {
            return MoneyFormat.format(minor, params.getOrDefault("currency", "").trim());
        }
        return params.getOrDefault("total", "").trim();
    }

    /** Replaces each {name} of a known value with the encoded value, leaving inserted text alone. */
    private static String substitute(String template, Map<String, String> values, UnaryOperator<String> encode) {
        StringBuilder out = new StringBuilder(template.length() + 64);
        int i = 0;
        while (i < template.length()) {
            int open = template.indexOf('{', i);
            int close = open < 0 ? -1 : template.indexOf('}', open);
            if (close < 0) {
                out.append(template, i, template.length());
                break;
            }
            String value = values.get(template.substring(open + 1, close));
            out.append(template, i, open).append(value == null ? template.substring(open, close + 1) : encode.apply(value));
            i = close + 1;
        }
        return out.toString();
    }
}
