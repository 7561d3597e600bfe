package dev.oms.webhooks.adapters;

import dev.oms.messaging.CrashPoints;
import dev.oms.messaging.Transactions;
import dev.oms.webhooks.api.WebhookAttempt;
import dev.oms.webhooks.api.WebhookDelivery;
import dev.oms.webhooks.domain.EndpointHealth;
import dev.oms.webhooks.domain.RetrySchedule;
import dev.oms.webhooks.domain.WebhookSignature;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends due deliveries: claims a batch (a lease, so that a dispatcher that dies lets its claims go), posts them all
 * at once, each bounded by the timeouts, and records every attempt with its outcome. Runs on the webhooks service's
 * own threads and connections only, so a slow receiver delays nothing but its own deliveries. An endpoint that keeps
 * failing is tried with one delivery at a time until it answers again ({@link EndpointHealth}), so that a receiver
 * that is down costs a probe every few seconds to minutes rather than an attempt per delivery.
 */
public final class Dispatcher {
    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);
    private static final int SNIPPET = 1024;

    /**
     * Batch size, per-endpoint share of a batch (deliveries still out count against it), request timeout, how long a
     * claim holds, and how long a round waits for its answers before it goes on and leaves the slow ones to be
     * recorded when they come.
     */
    public record Settings(int batch, int perEndpoint, Duration timeout, Duration lease, Duration roundWait) {
        public static final Settings DEFAULT = new Settings(32, 8, Duration.ofSeconds(5), Duration.ofMinutes(1),
                Duration.ofMillis(500));
    }

    private final Transactions transactions;
    private final EndpointTable endpoints;
    private final DeliveryTable deliveries;
    private final Clock clock;
    private final Settings settings;
    private final HttpClient http;

    public Dispatcher(Transactions transactions, EndpointTable endpoints, DeliveryTable deliveries, Clock clock,
                      Settings settings) {
        this.transactions = transactions;
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.clock = clock;
        this.settings = settings;
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /**
     * One round: sends what is due now, waits for the answers up to the round's wait and records those in one
     * transaction (two transactions a round, whatever the batch); an answer still out then is recorded on its own
     * when it comes (at the latest at the request timeout), so a slow receiver holds up neither the round nor the
     * other endpoints' deliveries. Returns how many deliveries it tried.
     */
    public int dispatchOnce() {
        Instant now = clock.instant();
        record Round(List<DeliveryTable.Claimed> claimed, Map<String, EndpointTable.Stored> targets) {}
        Round round = transactions.inTransaction(tx -> {
            Instant leaseUntil = now.plus(settings.lease());
            List<DeliveryTable.Claimed> claimed = deliveries.claim(tx.connection(), now, leaseUntil,
                    settings.batch(), settings.perEndpoint());
            Map<String, EndpointTable.Stored> byId = new HashMap<>();
            for (DeliveryTable.Claimed c : claimed) {
                if (!byId.containsKey(c.endpointId())) {
                    endpoints.find(tx.connection(), c.endpointId()).ifPresent(e -> byId.put(c.endpointId(), e));
                }
            }
            if (!byId.isEmpty()) {
                endpoints.holdProbes(tx.connection(), byId.keySet(), leaseUntil);
            }
            return new Round(claimed, byId);
        });
        if (round.claimed().isEmpty()) {
            return 0;
        }
        List<CompletableFuture<WebhookAttempt>> sent = new ArrayList<>();
        for (DeliveryTable.Claimed c : round.claimed()) {
            sent.add(send(c, round.targets().get(c.endpointId())));
        }
        awaitUpTo(CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)), settings.roundWait());
        CrashPoints.reached(CrashPoints.WEBHOOKS_AFTER_SEND);
        List<DeliveryTable.Claimed> answered = new ArrayList<>();
        List<WebhookAttempt> attempts = new ArrayList<>();
        for (int i = 0; i < sent.size(); i++) {
            DeliveryTable.Claimed c = round.claimed().get(i);
            if (sent.get(i).isDone()) {
                answered.add(c);
                attempts.add(sent.get(i).join());
            } else {
                sent.get(i).thenAccept(late -> record(List.of(c), List.of(late)));
            }
        }
        if (!answered.isEmpty()) {
            record(answered, attempts);
        }
        return round.claimed().size();
    }

    private static void awaitUpTo(CompletableFuture<Void> all, Duration wait) {
        try {
            all.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException stillOut) {
            // recorded when they come
        } catch (ExecutionException e) {
            throw new IllegalStateException("a send failed outside its own handling", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private CompletableFuture<WebhookAttempt> send(DeliveryTable.Claimed c, EndpointTable.Stored target) {
        Instant at = clock.instant();
        long started = System.nanoTime();
        int number = c.attempts() + 1;
        long timestamp = at.getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(URI.create(target.endpoint().url()))
                .timeout(settings.timeout())
                .header("content-type", "application/json")
                .header("user-agent", "oms-webhooks")
                .header("webhook-id", c.deliveryId())
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", WebhookSignature.header(target.signingSecrets(at), c.deliveryId(),
                        timestamp, c.payload()))
                .POST(HttpRequest.BodyPublishers.ofString(c.payload(), StandardCharsets.UTF_8))
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                .handle((response, failure) -> {
                    long millis = (System.nanoTime() - started) / 1_000_000;
                    if (failure != null) {
                        Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
                        return new WebhookAttempt(number, at, null, null, cause.toString(), millis);
                    }
                    return new WebhookAttempt(number, at, response.statusCode(), snippet(response.body()), null,
                            millis);
                });
    }

    private void record(List<DeliveryTable.Claimed> claimed, List<WebhookAttempt> attempts) {
        Instant ended = clock.instant();
        try {
            transactions.inTransaction(tx -> {
                Map<String, Tally> byEndpoint = new TreeMap<>(); // one lock order for every dispatcher
                for (int i = 0; i < claimed.size(); i++) {
                    DeliveryTable.Claimed c = claimed.get(i);
                    if (!deliveries.record(tx.connection(), c, attempts.get(i), outcome(c, attempts.get(i), ended))) {
                        log.warn("webhook delivery {}: lease lost before its attempt was recorded", c.deliveryId());
                    }
                    byEndpoint.computeIfAbsent(c.endpointId(), id -> new Tally()).add(succeeded(attempts.get(i)));
                }
                for (Map.Entry<String, Tally> endpoint : byEndpoint.entrySet()) {
                    updateHealth(tx.connection(), endpoint.getKey(), endpoint.getValue(), ended);
                }
                return null;
            });
        } catch (RuntimeException e) {
            // the leases run out and the deliveries are tried again, with the same ids
            log.warn("webhook deliveries: could not record {} attempts: {}", claimed.size(), e.toString());
        }
    }

    private static final class Tally {
        int failed;
        int succeeded;

        void add(boolean success) {
            if (success) {
                succeeded++;
            } else {
                failed++;
            }
        }
    }

    /**
     * Moves the endpoint's circuit on by the round's answers: on the first success after it was down, its waiting
     * deliveries are due at once; while it is down, those that waited longer than a whole schedule are given up.
     */
    private void updateHealth(Connection c, String endpointId, Tally tally, Instant ended) throws SQLException {
        Optional<EndpointHealth> locked = endpoints.lockHealth(c, endpointId);
        if (locked.isEmpty()) {
            return;
        }
        EndpointHealth before = locked.get();
        EndpointHealth after = before.after(tally.failed, tally.succeeded, ended);
        if (!after.equals(before)) {
            endpoints.setHealth(c, endpointId, after);
        }
        if (before.recoveredTo(after)) {
            int due = deliveries.pullForward(c, endpointId, ended);
            log.info("webhook endpoint {} answers again: its {} waiting deliveries are due now", endpointId, due);
        } else if (after.open()) {
            if (!before.open()) {
                log.warn("webhook endpoint {} failed {} attempts in a row: one delivery at a time tries it from now on",
                        endpointId, after.failures());
            }
            int givenUp = deliveries.giveUpOlder(c, endpointId, ended.minus(RetrySchedule.longest()), ended);
            if (givenUp > 0) {
                log.warn("webhook endpoint {}: {} deliveries FAILED, down for longer than their retry schedule",
                        endpointId, givenUp);
            }
        }
    }

    private static boolean succeeded(WebhookAttempt attempt) {
        return attempt.statusCode() != null && attempt.statusCode() / 100 == 2;
    }

    private static DeliveryTable.Outcome outcome(DeliveryTable.Claimed c, WebhookAttempt attempt, Instant ended) {
        if (succeeded(attempt)) {
            return new DeliveryTable.Outcome(WebhookDelivery.DELIVERED, null);
        }
        return RetrySchedule.nextAttempt(attempt.attempt() - c.retryFrom(), ended, ThreadLocalRandom.current().nextDouble())
                .map(next -> new DeliveryTable.Outcome(WebhookDelivery.PENDING, next))
                .orElse(new DeliveryTable.Outcome(WebhookDelivery.FAILED, null));
    }

    private static String snippet(String body) {
        if (body == null) {
            return null;
        }
        return body.length() <= SNIPPET ? body : body.substring(0, SNIPPET);
    }
}
