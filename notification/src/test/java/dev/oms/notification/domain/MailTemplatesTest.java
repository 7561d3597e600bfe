package dev.oms.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MailTemplatesTest {

    @ParameterizedTest
    @EnumSource(MailKind.class)
    void everyKindHasASubjectTextAndHtmlNamingTheOrder(MailKind kind) {
        RenderedMail mail = MailTemplates.render(kind, "order-7", Map.of("amount", "4990", "currency", "EUR"));

        assertThat(mail.subject()).contains("order-7");
        assertThat(mail.text()).contains("order-7").doesNotContain("{", "<p>");
        assertThat(mail.html()).startsWith("<!DOCTYPE html>").contains("<p>", "order-7").doesNotContain("{");
    }

    @Test
    void confirmationWithNameAndTotal() {
        RenderedMail mail = MailTemplates.render(MailKind.ORDER_CONFIRMED, "order-1",
                Map.of("name", "Ada", "amount", "4990", "currency", "EUR"));

        assertThat(mail.subject()).isEqualTo("Your order order-1 is confirmed");
        assertThat(mail.text()).startsWith("Hello Ada,\n\nwe have received your order order-1 of 49.90 EUR and");
    }

    @Test
    void escapesValuesInHtmlOnly() {
        RenderedMail mail = MailTemplates.render(MailKind.ORDER_CANCELLED, "o<1>",
                Map.of("name", "Ada & \"Bob\" <script>", "reason", "it's {orderId}"));

        assertThat(mail.html()).contains("Hello Ada &amp; &quot;Bob&quot; &lt;script&gt;,", "o&lt;1&gt;",
                "(it&#39;s {orderId})").doesNotContain("<script>");
        assertThat(mail.html()).contains("<title>Your order o&lt;1&gt; has been cancelled</title>");
        // one pass: a value that looks like a placeholder is not expanded
        assertThat(mail.text()).contains("Hello Ada & \"Bob\" <script>,", "cancelled (it's {orderId}).");
    }

    @Test
    void withoutParamsAGenericGreetingAndNoAmount() {
        RenderedMail mail = MailTemplates.render(MailKind.ORDER_CONFIRMED, "order-1", Map.of());

        assertThat(mail.text()).startsWith("Hello,\n\nwe have received your order order-1 and are getting");
    }

    @Test
    void aRefundNeedsItsAmount() {
        assertThat(MailTemplates.render(MailKind.ORDER_REFUNDED, "order-1", Map.of("amount", "1250", "currency", "USD"))
                .text()).contains("we have refunded 12.50 USD for your order order-1");
        assertThatThrownBy(() -> MailTemplates.render(MailKind.ORDER_REFUNDED, "order-1", Map.of()))
                .hasMessageContaining("amount");
    }

    @Test
    void knowsTheTemplateNamesSendersUse() {
        assertThat(MailKind.of("order_confirmed")).contains(MailKind.ORDER_CONFIRMED);
        assertThat(MailKind.of("order-confirmed")).contains(MailKind.ORDER_CONFIRMED);
        assertThat(MailKind.of("ORDER_SHIPPED")).contains(MailKind.ORDER_SHIPPED);
        assertThat(MailKind.of("welcome")).isEmpty();
    }
}
