package dev.oms.payment.adapters;

import dev.oms.contracts.Channels;
import dev.oms.messaging.TransactionContext;
import dev.oms.messaging.Transactions;
import dev.oms.payment.api.PaymentCommands;
import dev.oms.payment.api.WebhookReceipt;
import dev.oms.payment.domain.Payment;
import dev.oms.payment.domain.PaymentStatus;
import dev.oms.payment.domain.WebhookSignature;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The provider's webhooks about authorizations it decided later. Each is checked (signature, timestamp within the
 * replay window), kept once per webhook id, and applied to the payment it names: an authorization still waiting is
 * decided and the saga that waits is answered, in one transaction. One that comes before the saga asked is kept until
 * the authorization is asked for; one about a payment decided already (a repeat under another id, or too late: the
 * saga gave up and voided) changes nothing.
 */
public final class ProviderWebhooks implements PaymentCommands {
    static final String SUCCEEDED = "authorization.succeeded";
    static final String FAILED = "authorization.failed";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Transactions transactions;
    private final WebhookSignature signature;
    private final PaymentTable payments;

    public ProviderWebhooks(Transactions transactions, String secret, PaymentTable payments) {
        this.transactions = transactions;
        this.signature = new WebhookSignature(secret);
        this.payments = payments;
    }

    /** What a webhook says of an authorization. */
    record Decision(String webhookId, String reference, boolean approved, String authorizationId, String code,
                    String reason) {}

    @Override
    public WebhookReceipt receiveProviderWebhook(String webhookId, String timestamp, String signatures, String body) {
        WebhookSignature.Verdict verdict = signature.verify(webhookId, timestamp, signatures, body,
                transactions.clock().instant());
        if (verdict != WebhookSignature.Verdict.OK) {
            return WebhookReceipt.refused("webhook refused: " + verdict.name().toLowerCase().replace('_', ' '));
        }
        Decision decision;
        try {
            JsonNode event = JSON.readTree(body);
            String type = event.path("type").asString("");
            JsonNode data = event.path("data");
            if (!type.equals(SUCCEEDED) && !type.equals(FAILED)) {
                return WebhookReceipt.taken("not about an authorization: ignored");
            }
            String reference = data.path("reference").asString("");
            if (reference.isBlank()) {
                return WebhookReceipt.refused("the webhook names no reference");
            }
            decision = new Decision(webhookId, reference, type.equals(SUCCEEDED),
                    data.path("authorization_id").asString(null), data.path("code").asString("authentication_failed"),
                    data.path("reason").asString("the card holder did not confirm the payment"));
        } catch (JacksonException e) {
            return WebhookReceipt.refused("the webhook's body is not JSON");
        }
        return transactions.inTransaction(tx -> take(tx, decision));
    }

    private WebhookReceipt take(TransactionContext tx, Decision decision) throws SQLException {
        if (!keep(tx, decision)) {
            return WebhookReceipt.repeat();
        }
        Optional<Payment> payment = payments.findByReferenceForUpdate(tx.connection(), decision.reference());
        if (payment.isEmpty()) {
            return WebhookReceipt.taken("kept: no payment asked for this authorization yet");
        }
        if (payment.get().status() != PaymentStatus.AUTHORIZING) {
            applied(tx.connection(), decision.webhookId(), "NO_CHANGE: the payment is " + payment.get().status(), tx);
            return WebhookReceipt.taken("the payment was decided already (" + payment.get().status() + ")");
        }
        Payment decided = apply(payment.get(), decision);
        payments.save(tx.connection(), decided, tx.now());
        applied(tx.connection(), decision.webhookId(), decided.status().name(), tx);
        tx.emit(Channels.EVENTS, decided.orderId(), payments.sagaOf(tx.connection(), decided.orderId()),
                PaymentReplies.authorizationOutcome(decided));
        return WebhookReceipt.taken("the payment is " + decided.status());
    }

    /**
     * The authorization of {@code payment}, asked for just now and pending at the provider, as an earlier webhook
     * decided it; empty when none came yet. The webhook counts as applied with the caller's transaction.
     */
    Optional<Payment> earlyDecision(TransactionContext tx, Payment payment, String reference) throws SQLException {
        try (PreparedStatement select = tx.connection().prepareStatement("""
                SELECT webhook_id, type, authorization_id, decline_code, decline_reason FROM provider_webhook
                WHERE reference = ? AND applied_at IS NULL ORDER BY received_at LIMIT 1 FOR UPDATE""")) {
            select.setString(1, reference);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                Decision decision = new Decision(row.getString(1), reference, row.getString(2).equals(SUCCEEDED),
                        row.getString(3), row.getString(4), row.getString(5));
                Payment decided = apply(payment, decision);
                applied(tx.connection(), decision.webhookId(), decided.status().name(), tx);
                return Optional.of(decided);
            }
        }
    }

    private static Payment apply(Payment payment, Decision decision) {
        return decision.approved() && decision.authorizationId() != null
                ? payment.authorized(decision.authorizationId())
                : payment.declined(decision.code(), decision.reason());
    }

    /** Keeps the webhook; false when its id was received before. */
    private static boolean keep(TransactionContext tx, Decision decision) throws SQLException {
        try (PreparedStatement insert = tx.connection().prepareStatement("""
                INSERT INTO provider_webhook (webhook_id, reference, type, authorization_id, decline_code, decline_reason,
                                              received_at)
                VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (webhook_id) DO NOTHING""")) {
            insert.setString(1, decision.webhookId());
            insert.setString(2, decision.reference());
            insert.setString(3, decision.approved() ? SUCCEEDED : FAILED);
            insert.setString(4, decision.authorizationId());
            insert.setString(5, decision.code());
            insert.setString(6, decision.reason());
            insert.setTimestamp(7, Timestamp.from(tx.now()));
            return insert.executeUpdate() == 1;
        }
    }

    private static void applied(Connection c, String webhookId, String outcome, TransactionContext tx)
            throws SQLException {
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE provider_webhook SET applied_at = ?, outcome = ? WHERE webhook_id = ?")) {
            update.setTimestamp(1, Timestamp.from(tx.now()));
            update.setString(2, outcome);
            update.setString(3, webhookId);
            update.executeUpdate();
        }
    }
}
