package dev.oms.bff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oms.webhooks.api.DeliveryResult;
import dev.oms.webhooks.api.EndpointResult;
import dev.oms.webhooks.api.WebhookAttempt;
import dev.oms.webhooks.api.WebhookCommands;
import dev.oms.webhooks.api.WebhookDelivery;
import dev.oms.webhooks.api.WebhookEndpoint;
import dev.oms.webhooks.api.WebhookError;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** The operators' webhook fields over a fake webhooks service: only operators, typed errors, the payload shapes. */
@GraphQlApiTest
@Import(WebhooksApiIT.FakeWebhooks.class)
class WebhooksApiIT {
    private static final Instant AT = Instant.parse("2026-01-01T00:00:00Z");

    @Autowired
    HttpGraphQlTester anonymous;

    HttpGraphQlTester ops;

    @BeforeEach
    void signInAsOperator() {
        ops = Testers.as(anonymous, TestTokens.ops());
    }

    @Test
    void createsAnEndpointAndShowsItsSecretOnce() {
        ops.document("""
                mutation { webhookEndpointCreate(url: "https://hooks.example.com/oms",
                    eventTypes: ["oms.order.v1.OrderStatusChanged"], description: "crm") {
                  endpoint { id url eventTypes status createdAt } secret userErrors { code } } }""")
                .execute()
                .path("webhookEndpointCreate.endpoint.id").entity(String.class).isEqualTo("ep_1")
                .path("webhookEndpointCreate.endpoint.status").entity(String.class).isEqualTo("ACTIVE")
                .path("webhookEndpointCreate.secret").entity(String.class).isEqualTo("whsec_c2VjcmV0")
                .path("webhookEndpointCreate.userErrors").entityList(Object.class).hasSize(0);
        ops.document("{ webhookEndpoints { id url eventTypes description previousSecretExpiresAt } }").execute()
                .path("webhookEndpoints[0].url").entity(String.class).isEqualTo("https://hooks.example.com/oms");
    }

    @Test
    void answersBadInputWithAUserError() {
        ops.document("""
                mutation { webhookEndpointCreate(url: "ftp://x", eventTypes: ["oms.order.v1.OrderStatusChanged"]) {
                  endpoint { id } secret userErrors { field code message } } }""")
                .execute()
                .path("webhookEndpointCreate.endpoint").valueIsNull()
                .path("webhookEndpointCreate.userErrors[0].code").entity(String.class).isEqualTo(WebhookError.INVALID_URL)
                .path("webhookEndpointCreate.userErrors[0].field").entityList(String.class).containsExactly("url");
        ops.document("mutation { webhookRedeliver(deliveryId: \"nope\") { delivery { id } userErrors { code } } }")
                .execute()
                .path("webhookRedeliver.userErrors[0].code").entity(String.class).isEqualTo(WebhookError.NOT_FOUND);
    }

    @Test
    void listsDeliveriesWithTheirAttemptsAndRedelivers() {
        ops.document("""
                { webhookDeliveries(status: FAILED, first: 5) { id endpointId messageId eventType status attempts
                    createdAt nextAttemptAt deliveredAt attemptLog { attempt at statusCode response error durationMillis } } }""")
                .execute()
                .path("webhookDeliveries[0].id").entity(String.class).isEqualTo("msg_1")
                .path("webhookDeliveries[0].attemptLog[0].statusCode").entity(Integer.class).isEqualTo(503)
                .path("webhookDeliveries[0].attemptLog[1].statusCode").valueIsNull()
                .path("webhookDeliveries[0].attemptLog[1].error").entity(String.class).isEqualTo("timed out");
        ops.document("mutation { webhookRedeliver(deliveryId: \"msg_1\") { delivery { id status } userErrors { code } } }")
                .execute()
                .path("webhookRedeliver.delivery.status").entity(String.class).isEqualTo("PENDING");
        ops.document("mutation { webhookEndpointRotateSecret(endpointId: \"ep_1\") { secret } }").execute()
                .path("webhookEndpointRotateSecret.secret").entity(String.class).isEqualTo("whsec_c2VjcmV0");
        ops.document("mutation { webhookEndpointDisable(endpointId: \"ep_1\") { endpoint { status } } }").execute()
                .path("webhookEndpointDisable.endpoint.status").entity(String.class).isEqualTo("DISABLED");
    }

    @Test
    void isForOperatorsOnly() {
        Testers.as(anonymous, TestTokens.customer(TestTokens.CUSTOMER_A))
                .document("{ webhookEndpoints { id } }").execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getExtensions()).containsEntry("code", "FORBIDDEN")));
        anonymous.document("mutation { webhookRedeliver(deliveryId: \"msg_1\") { userErrors { code } } }").execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getExtensions()).containsEntry("code", "UNAUTHENTICATED")));
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class FakeWebhooks {
        @Bean
        WebhookCommands webhookCommands() {
            return new Fake();
        }
    }

    static final class Fake implements WebhookCommands {
        private final Map<String, WebhookEndpoint> endpoints = new ConcurrentHashMap<>();

        @Override
        public EndpointResult createEndpoint(String url, List<String> eventTypes, String description) {
            if (!url.startsWith("http")) {
                return EndpointResult.refused("url", "the URL must start with http:// or https://",
                        WebhookError.INVALID_URL);
            }
            WebhookEndpoint e = new WebhookEndpoint("ep_1", url, eventTypes, description == null ? "" : description,
                    WebhookEndpoint.ACTIVE, AT, null, 0, null);
            endpoints.put(e.id(), e);
            return new EndpointResult(e, "whsec_c2VjcmV0", null);
        }

        @Override
        public EndpointResult rotateSecret(String endpointId) {
            return new EndpointResult(endpoint(endpointId, WebhookEndpoint.ACTIVE), "whsec_c2VjcmV0", null);
        }

        @Override
        public EndpointResult disableEndpoint(String endpointId) {
            return new EndpointResult(endpoint(endpointId, WebhookEndpoint.DISABLED), null, null);
        }

        @Override
        public EndpointResult enableEndpoint(String endpointId) {
            return new EndpointResult(endpoint(endpointId, WebhookEndpoint.ACTIVE), null, null);
        }

        private static WebhookEndpoint endpoint(String id, String status) {
            return new WebhookEndpoint(id, "https://hooks.example.com/oms", List.of("oms.*"), "", status, AT,
                    AT.plusSeconds(86_400), 0, null);
        }

        @Override
        public List<WebhookEndpoint> listEndpoints() {
            return List.copyOf(endpoints.values());
        }

        @Override
        public List<WebhookDelivery> deliveries(String endpointId, String status, int limit) {
            return List.of(delivery(status == null ? WebhookDelivery.FAILED : status));
        }

        @Override
        public DeliveryResult redeliver(String deliveryId) {
            return deliveryId.equals("msg_1") ? new DeliveryResult(delivery(WebhookDelivery.PENDING), null)
                    : DeliveryResult.refused("deliveryId", "no delivery " + deliveryId, WebhookError.NOT_FOUND);
        }

        private static WebhookDelivery delivery(String status) {
            return new WebhookDelivery("msg_1", "ep_1", "7f0c4b1e-0000-0000-0000-000000000001",
                    "oms.order.v1.OrderStatusChanged", status, 2, AT, WebhookDelivery.PENDING.equals(status) ? AT : null,
                    null, List.of(new WebhookAttempt(1, AT, 503, "down", null, 12),
                    new WebhookAttempt(2, AT, null, null, "timed out", 5000)));
        }
    }
}
