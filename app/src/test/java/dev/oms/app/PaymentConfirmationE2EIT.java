package dev.oms.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import dev.oms.app.invariants.InvariantChecker;
import dev.oms.app.platform.Platform;
import dev.oms.payment.adapters.SandboxConsole.SignedWebhook;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Payments the card holder confirms later (tokens sandbox_pending...): the provider's signed webhook decides them, and
 * the order's saga waits for it as a step with a timeout. The webhook may come after the saga asked, before, twice or
 * never; each ends as it should, with one capture at most and the invariants holding. Unsigned, stale or unreadable
 * webhooks are refused and change nothing.
 */
class PaymentConfirmationE2EIT {
    private static Platform platform;
    private static HikariDataSource data;
    private static SandboxProvider provider;
    private static Shop shop;

    @BeforeAll
    static void sharedPlatform() {
        platform = TestPlatform.shared();
        data = TestPlatform.sharedDatabase().dataSource("payment-confirmation-it", null, 2);
        provider = new SandboxProvider(data);
        shop = TestPlatform.shopFor("petra");
        await().atMost(Duration.ofSeconds(30)).until(() -> shop.available("SKU-0011") > 0);
    }

    @AfterAll
    static void close() {
        data.close();
    }

    @Test
    void aWebhookAfterTheSagaAskedAuthorizesAndTheOrderGoesOn() throws Exception {
        String token = pendingToken();
        String orderId = shop.placeOrder("SKU-0011", 1, token);
        awaitWaitingForTheProvider(orderId);

        assertThat(post(provider.decide(token, true)).statusCode()).isEqualTo(204);

        assertThat(shop.awaitSagaEnd(orderId).get("saga").get("status").asText()).isEqualTo("COMPLETED");
        assertThat(shop.awaitStatus(orderId, "DELIVERED").get("payment").get("status").asText()).isEqualTo("CAPTURED");
        assertThat(captures(orderId)).isEqualTo(1);
    }

    @Test
    void aWebhookBeforeTheSagaAsksIsKeptAndAnswersItAtOnce() throws Exception {
        String token = pendingToken();
        HttpResponse<String> early = post(provider.decide(token, true));
        assertThat(early.statusCode()).isEqualTo(204);

        String orderId = shop.placeOrder("SKU-0011", 1, token);

        assertThat(shop.awaitSagaEnd(orderId).get("saga").get("status").asText()).isEqualTo("COMPLETED");
        assertThat(captures(orderId)).isEqualTo(1);
        assertThat(webhookOutcome(token)).as("the kept webhook decided the authorization").isEqualTo("AUTHORIZED");
    }

    @Test
    void aWebhookTwiceDecidesOnce() throws Exception {
        String token = pendingToken();
        String orderId = shop.placeOrder("SKU-0011", 1, token);
        awaitWaitingForTheProvider(orderId);
        SignedWebhook webhook = provider.decide(token, true);

        assertThat(post(webhook).statusCode()).isEqualTo(204);
        assertThat(post(webhook).statusCode()).as("the same webhook again").isEqualTo(200);
        assertThat(post(provider.decide(token, true)).statusCode()).as("the same news, another id").isEqualTo(204);

        assertThat(shop.awaitSagaEnd(orderId).get("saga").get("status").asText()).isEqualTo("COMPLETED");
        assertThat(captures(orderId)).isEqualTo(1);
        assertInvariantsHold();
    }

    @Test
    void aDeclinedConfirmationRejectsTheOrderAndReleasesItsStock() throws Exception {
        long before = shop.available("SKU-0012");
        String token = pendingToken();
        String orderId = shop.placeOrder("SKU-0012", 2, token);
        awaitWaitingForTheProvider(orderId);

        assertThat(post(provider.decide(token, false)).statusCode()).isEqualTo(204);

        assertThat(shop.awaitStatus(orderId, "REJECTED").get("payment").get("status").asText()).isEqualTo("DECLINED");
        await().atMost(Duration.ofSeconds(10)).until(() -> shop.available("SKU-0012") == before);
    }

    @Test
    void withoutAWebhookTheStepTimesOutTheOrderIsRejectedAndALateWebhookChangesNothing() throws Exception {
        long before = shop.available("SKU-0012");
        String token = pendingToken();
        String orderId = shop.placeOrder("SKU-0012", 1, token);

        JsonNode order = await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
                .until(() -> shop.order(orderId), o -> o != null && !o.isNull() && o.get("status").asText().equals("REJECTED"));
        assertThat(order.get("payment").get("status").asText()).isEqualTo("VOIDED");
        await().atMost(Duration.ofSeconds(10)).until(() -> shop.available("SKU-0012") == before);

        assertThat(post(provider.decide(token, true)).statusCode()).isEqualTo(204);
        assertThat(shop.order(orderId).get("status").asText()).isEqualTo("REJECTED");
        assertThat(captures(orderId)).isZero();
        assertInvariantsHold();
    }

    @Test
    void unsignedStaleOrUnreadableWebhooksAreRefused() throws Exception {
        String token = pendingToken();
        SignedWebhook good = provider.decide(token, true);
        assertThat(post(new SignedWebhook(good.id(), good.timestamp(), "v1,AAAA", good.body())).statusCode())
                .isEqualTo(400);
        assertThat(post(new SignedWebhook(good.id(), good.timestamp(), good.signature(), good.body() + " ")).statusCode())
                .as("a body changed after signing").isEqualTo(400);
        long old = Long.parseLong(good.timestamp()) - 3600;
        assertThat(post(new SignedWebhook(good.id(), Long.toString(old), good.signature(), good.body())).statusCode())
                .as("an hour old").isEqualTo(400);
        assertThat(post(new SignedWebhook(null, good.timestamp(), good.signature(), good.body())).statusCode())
                .isEqualTo(400);
        assertThat(post(good).statusCode()).as("the real one is still taken").isEqualTo(204);
    }

    private static String pendingToken() {
        return "sandbox_pending_" + UUID.randomUUID();
    }

    private static void awaitWaitingForTheProvider(String orderId) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> shop.order(orderId),
                o -> o != null && !o.isNull() && o.hasNonNull("saga") && o.get("saga").get("steps").findValues("name")
                        .stream().anyMatch(n -> n.asText().equals("authorize_payment"))
                        && step(o, "authorize_payment").equals("RUNNING"));
    }

    private static String step(JsonNode order, String name) {
        for (JsonNode step : order.get("saga").get("steps")) {
            if (step.get("name").asText().equals(name)) {
                return step.get("status").asText();
            }
        }
        return "";
    }

    private static HttpResponse<String> post(SignedWebhook webhook) throws Exception {
        return SandboxProvider.post(platform.graphqlUrl(), webhook);
    }

    private static String webhookOutcome(String reference) throws Exception {
        try (Connection c = data.getConnection(); PreparedStatement select = c.prepareStatement(
                "SELECT outcome FROM payment.provider_webhook WHERE reference = ?")) {
            select.setString(1, reference);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        }
    }

    private static int captures(String orderId) throws Exception {
        try (Connection c = data.getConnection(); PreparedStatement select = c.prepareStatement(
                "SELECT count(*) FROM payment_provider.ledger WHERE order_id = ? AND operation = 'CAPTURE'")) {
            select.setString(1, orderId);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }

    private static void assertInvariantsHold() {
        InvariantChecker checker = new InvariantChecker(data);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(checker::quiescent);
        assertThat(checker.checkQuiescent()).isEmpty();
    }
}
