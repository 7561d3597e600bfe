package dev.oms.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OrderEventMailsTest {

    @Test
    void shippedDeliveredAndCancelledMakeAnEmailOtherStatusesNone() {
        assertThat(OrderEventMails.forStatus("SHIPPED")).contains(MailKind.ORDER_SHIPPED);
        assertThat(OrderEventMails.forStatus("DELIVERED")).contains(MailKind.ORDER_DELIVERED);
        assertThat(OrderEventMails.forStatus("CANCELLED")).contains(MailKind.ORDER_CANCELLED);
        assertThat(OrderEventMails.forStatus("CONFIRMED")).isEmpty();
        assertThat(OrderEventMails.forStatus("PARTIALLY_SHIPPED")).isEmpty();
    }

    @Test
    void oneKeyPerOrderStatusAndPerRefund() {
        assertThat(OrderEventMails.statusKey(MailKind.ORDER_SHIPPED, "o-1")).isEqualTo("order_shipped:o-1");
        assertThat(OrderEventMails.refundKey("o-1", "op-7", "pay-1", 500)).isEqualTo("order_refunded:o-1:op-7");
        assertThat(OrderEventMails.refundKey("o-1", "", "pay-1", 500)).isEqualTo("order_refunded:o-1:pay-1@500")
                .isNotEqualTo(OrderEventMails.refundKey("o-1", "", "pay-1", 800));
    }
}
