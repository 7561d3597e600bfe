package dev.oms.webhooks.api;

import java.time.Instant;

/** One try: the receiver's status code (null when none came), the start of its answer (at most 1 KB) or the error. */
public record WebhookAttempt(int attempt, Instant at, Integer statusCode, String response, String error,
                             long durationMillis) {}
