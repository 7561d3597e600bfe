package dev.oms.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oms.notification.adapters.SmtpSettings;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NotificationSettingsTest {

    @Test
    void logsByDefaultAndSaysHowToSwitch() {
        NotificationSettings settings = NotificationSettings.fromEnv(Map.of());

        assertThat(settings.smtp()).isEmpty();
        assertThat(settings.orderEvents()).isFalse();
        assertThat(settings.describe()).contains("logged", "OMS_NOTIFICATION_CHANNEL=smtp", "OMS_SMTP_HOST");
    }

    @Test
    void smtpWithDefaults() {
        SmtpSettings smtp = NotificationSettings.fromEnv(Map.of("OMS_NOTIFICATION_CHANNEL", "smtp",
                "OMS_SMTP_HOST", "mail.example.com", "OMS_MAIL_FROM", "shop@example.com")).smtp().orElseThrow();

        assertThat(smtp.port()).isEqualTo(587);
        assertThat(smtp.tls()).isEqualTo(SmtpSettings.Tls.STARTTLS);
        assertThat(smtp.credentials()).isEmpty();
        assertThat(smtp.toTemplate()).isEqualTo("{customerId}@example.test");
        assertThat(smtp.timeout()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void smtpFully() {
        NotificationSettings settings = NotificationSettings.fromEnv(Map.of("OMS_NOTIFICATION_CHANNEL", "SMTP",
                "OMS_SMTP_HOST", "mail.example.com", "OMS_SMTP_PORT", "465", "OMS_SMTP_TLS", "smtps",
                "OMS_SMTP_USER", "shop", "OMS_SMTP_PASSWORD", "secret", "OMS_MAIL_FROM", "shop@example.com",
                "OMS_MAIL_TO_TEMPLATE", "{customerId}@customers.example.com", "OMS_SMTP_TIMEOUT", "30s",
                "OMS_NOTIFY_ORDER_EVENTS", "true"));
        assertThat(settings.orderEvents()).isTrue();
        SmtpSettings smtp = settings.smtp().orElseThrow();

        assertThat(smtp.port()).isEqualTo(465);
        assertThat(smtp.credentials()).hasValueSatisfying(c -> assertThat(c.toString()).doesNotContain("secret"));
        assertThat(smtp.timeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.describe()).isEqualTo("notifications are emailed through mail.example.com:465 (smtps) from shop@example.com");
    }

    @Test
    void badSettingsNameTheirVariable() {
        Map<String, String> smtp = Map.of("OMS_NOTIFICATION_CHANNEL", "smtp", "OMS_SMTP_HOST", "h", "OMS_MAIL_FROM", "a@b.c");
        assertThatThrownBy(() -> NotificationSettings.fromEnv(Map.of("OMS_NOTIFICATION_CHANNEL", "pigeon")))
                .hasMessageContaining("OMS_NOTIFICATION_CHANNEL");
        assertThatThrownBy(() -> NotificationSettings.fromEnv(Map.of("OMS_NOTIFICATION_CHANNEL", "smtp")))
                .hasMessageContaining("OMS_SMTP_HOST");
        assertThatThrownBy(() -> NotificationSettings.fromEnv(with(smtp, "OMS_SMTP_PORT", "70000")))
                .hasMessageContaining("OMS_SMTP_PORT");
        assertThatThrownBy(() -> NotificationSettings.fromEnv(with(smtp, "OMS_SMTP_TLS", "ssl")))
                .hasMessageContaining("OMS_SMTP_TLS");
        assertThatThrownBy(() -> NotificationSettings.fromEnv(with(smtp, "OMS_SMTP_USER", "u")))
                .hasMessageContaining("OMS_SMTP_PASSWORD");
        assertThatThrownBy(() -> NotificationSettings.fromEnv(with(smtp, "OMS_MAIL_FROM", "not an address")))
                .hasMessageContaining("OMS_MAIL_FROM");
        assertThatThrownBy(() -> NotificationSettings.fromEnv(with(smtp, "OMS_MAIL_TO_TEMPLATE", "{customerId}")))
                .hasMessageContaining("OMS_MAIL_TO_TEMPLATE");
        assertThatThrownBy(() -> NotificationSettings.fromEnv(with(smtp, "OMS_SMTP_TIMEOUT", "soon")))
                .hasMessageContaining("OMS_SMTP_TIMEOUT");
        assertThatThrownBy(() -> NotificationSettings.fromEnv(Map.of("OMS_NOTIFY_ORDER_EVENTS", "yes")))
                .hasMessageContaining("OMS_NOTIFY_ORDER_EVENTS");
    }

    private static Map<String, String> with(Map<String, String> base, String name, String value) {
        Map<String, String> env = new java.util.HashMap<>(base);
        env.put(name, value);
        return env;
    }
}
