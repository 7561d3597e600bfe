package dev.oms.notification;

import dev.oms.notification.adapters.LoggingNotificationChannel;
import dev.oms.notification.adapters.SmtpNotificationChannel;
import dev.oms.notification.adapters.SmtpSettings;
import dev.oms.notification.api.NotificationChannel;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Which channel the service sends through: OMS_NOTIFICATION_CHANNEL=log (the default: a log line per notification)
 * or smtp (email, configured by the OMS_SMTP_* and OMS_MAIL_* variables, see {@link SmtpSettings}); and with
 * OMS_NOTIFY_ORDER_EVENTS=true (default false) whether it also writes on shipped, delivered, cancelled and refunded.
 */
public record NotificationSettings(Optional<SmtpSettings> smtp, boolean orderEvents) {

    public static NotificationSettings fromEnv() {
        return fromEnv(System.getenv());
    }

    /** Reads the settings; a bad variable fails here, at start-up, with a message that names it. */
    public static NotificationSettings fromEnv(Map<String, String> env) {
        String channel = Optional.ofNullable(env.get("OMS_NOTIFICATION_CHANNEL")).map(String::trim)
                .filter(c -> !c.isEmpty()).orElse("log").toLowerCase(Locale.ROOT);
        Optional<SmtpSettings> smtp = switch (channel) {
            case "log" -> Optional.empty();
            case "smtp" -> Optional.of(SmtpSettings.fromEnv(env));
            default -> throw new IllegalArgumentException(
                    "OMS_NOTIFICATION_CHANNEL must be log or smtp; was '" + channel + "'");
        };
        return new NotificationSettings(smtp, orderEvents(env.get("OMS_NOTIFY_ORDER_EVENTS")));
    }

    private static boolean orderEvents(String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("OMS_NOTIFY_ORDER_EVENTS must be true or false; was '" + value + "'");
        };
    }

    NotificationChannel channel() {
        return smtp.<NotificationChannel>map(SmtpNotificationChannel::new).orElseGet(LoggingNotificationChannel::new);
    }

    /** One line for the start-up log: where notifications go and, for the default, how to send email instead. */
    public String describe() {
        return smtp.map(s -> "notifications are emailed through " + s.host() + ":" + s.port() + " ("
                        + s.tls().name().toLowerCase(Locale.ROOT) + ") from " + s.from())
                .orElse("notifications are logged (set OMS_NOTIFICATION_CHANNEL=smtp, OMS_SMTP_HOST and OMS_MAIL_FROM"
                        + " to send email; docs/email.md)");
    }
}
