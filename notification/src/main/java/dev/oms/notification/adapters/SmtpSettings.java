package dev.oms.notification.adapters;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How to reach the SMTP server, from the environment: OMS_SMTP_HOST (required), OMS_SMTP_PORT (default 25, 587
 * with starttls, 465 with smtps), OMS_SMTP_TLS (none, starttls or smtps; default starttls), OMS_SMTP_USER and
 * OMS_SMTP_PASSWORD (both or neither), OMS_MAIL_FROM (required), OMS_MAIL_TO_TEMPLATE (default
 * {@code {customerId}@example.test}) and OMS_SMTP_TIMEOUT (default 10s, for connect, read and write).
 */
public record SmtpSettings(String host, int port, Tls tls, Optional<Credentials> credentials, String from,
                           String toTemplate, Duration timeout) {

    public enum Tls { NONE, STARTTLS, SMTPS }

    public record Credentials(String user, String password) {
        @Override
        public String toString() {
            return "Credentials[user=" + user + ", password=***]";
        }
    }

    public static final String DEFAULT_TO_TEMPLATE = "{customerId}@example.test";

    /** Reads the settings; a missing or malformed variable fails with a message that names it. */
    public static SmtpSettings fromEnv(Map<String, String> env) {
        String host = required(env, "OMS_SMTP_HOST");
        Tls tls = tls(env);
        int port = port(env, tls);
        String user = optional(env, "OMS_SMTP_USER");
        String password = optional(env, "OMS_SMTP_PASSWORD");
        if ((user == null) != (password == null)) {
            throw new IllegalArgumentException("OMS_SMTP_USER and OMS_SMTP_PASSWORD must be set together (or neither)");
        }
        String from = required(env, "OMS_MAIL_FROM");
        try {
            new InternetAddress(from, true);
        } catch (AddressException e) {
            throw new IllegalArgumentException("OMS_MAIL_FROM is not an email address: '" + from + "'", e);
        }
        String toTemplate = Optional.ofNullable(optional(env, "OMS_MAIL_TO_TEMPLATE")).orElse(DEFAULT_TO_TEMPLATE);
        if (!toTemplate.contains("@")) {
            throw new IllegalArgumentException("OMS_MAIL_TO_TEMPLATE must make an address, e.g. {customerId}@shop.example;"
                    + " was '" + toTemplate + "'");
        }
        return new SmtpSettings(host, port, tls,
                user == null ? Optional.empty() : Optional.of(new Credentials(user, password)), from, toTemplate,
                timeout(env));
    }

    private static Tls tls(Map<String, String> env) {
        String value = Optional.ofNullable(optional(env, "OMS_SMTP_TLS")).orElse("starttls");
        try {
            return Tls.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("OMS_SMTP_TLS must be none, starttls or smtps; was '" + value + "'");
        }
    }

    private static int port(Map<String, String> env, Tls tls) {
        String value = optional(env, "OMS_SMTP_PORT");
        if (value == null) {
            return switch (tls) {
                case NONE -> 25;
                case STARTTLS -> 587;
                case SMTPS -> 465;
            };
        }
        try {
            int port = Integer.parseInt(value);
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException("OMS_SMTP_PORT must be a port number (1-65535); was '" + value + "'");
    }

    private static Duration timeout(Map<String, String> env) {
        String value = optional(env, "OMS_SMTP_TIMEOUT");
        if (value == null) {
            return Duration.ofSeconds(10);
        }
        try {
            Duration timeout = Duration.parse("PT" + value.toUpperCase(Locale.ROOT));
            if (!timeout.isNegative() && !timeout.isZero()) {
                return timeout;
            }
        } catch (RuntimeException ignored) {
            // reported below
        }
        throw new IllegalArgumentException("OMS_SMTP_TIMEOUT must be a duration such as 10s or 1m; was '" + value + "'");
    }

    private static String required(Map<String, String> env, String name) {
        String value = optional(env, name);
        if (value == null) {
            throw new IllegalArgumentException(name + " must be set when OMS_NOTIFICATION_CHANNEL=smtp");
        }
        return value;
    }

    private static String optional(Map<String, String> env, String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? null : value.trim();
    }
}
