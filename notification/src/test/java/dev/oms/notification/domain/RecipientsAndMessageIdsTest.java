package dev.oms.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RecipientsAndMessageIdsTest {

    @Test
    void anAddressIsUsedAsItIsACustomerIdThroughTheRule() {
        assertThat(Recipients.address("ada@example.com", "c-1", "{customerId}@example.test")).isEqualTo("ada@example.com");
        assertThat(Recipients.address("alice", "alice", "{customerId}@example.test")).isEqualTo("alice@example.test");
        assertThat(Recipients.address("r-9", "c-1", "mail+{recipient}@shop.example")).isEqualTo("mail+r-9@shop.example");
    }

    @Test
    void identitiesAreStablePerDedupKey() {
        assertThat(MessageIds.notificationId("order_confirmed:o-1")).isEqualTo(MessageIds.notificationId("order_confirmed:o-1"))
                .isNotEqualTo(MessageIds.notificationId("order_shipped:o-1"));
        assertThat(MessageIds.messageId("order_confirmed:o-1", "shop@example.com"))
                .matches("<oms\\.[0-9a-f]{32}@example\\.com>")
                .isEqualTo("<" + MessageIds.messageKey("order_confirmed:o-1") + "@example.com>");
    }
}
