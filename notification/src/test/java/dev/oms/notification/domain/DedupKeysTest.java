package dev.oms.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DedupKeysTest {

    @Test
    void keepsTheSendersKey() {
        assertThat(DedupKeys.resolve("order-1:confirmed", "order-1", "order-confirmed", "email"))
                .isEqualTo("order-1:confirmed");
    }

    @Test
    void withoutAKeyOneNotificationPerOrderTemplateAndChannel() {
        assertThat(DedupKeys.resolve("", "order-1", "order-confirmed", "email"))
                .isEqualTo(DedupKeys.resolve(null, "order-1", "order-confirmed", "email"))
                .isNotEqualTo(DedupKeys.resolve(null, "order-1", "order-confirmed", "sms"));
    }
}
