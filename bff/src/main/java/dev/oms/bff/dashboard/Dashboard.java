package dev.oms.bff.dashboard;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the dashboard shows, as of {@code at}: order milestones and success rate, checkout latencies, each saga leg
 * against its SLO, saga outcomes, and the sagas that need an operator.
 *
 * @param orders counts by milestone (placed, confirmed, rejected, delivered); empty without a read side
 * @param successRate confirmed / (confirmed + rejected), or null before any order was decided
 * @param sagaOutcomes per saga type, per outcome (completed, compensated, compensation_failed), since start
 */
public record Dashboard(Instant at, Map<String, Long> orders, Double successRate, Latency checkoutToConfirmed,
        Latency checkoutToDelivered, List<Leg> legs, Map<String, Map<String, Long>> sagaOutcomes,
        List<ProblemSaga> problems) {}
