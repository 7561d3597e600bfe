package dev.oms.bff.dashboard;

import java.time.Instant;

/**
 * A saga an operator should look at: one that failed to compensate, or one that has not moved for a while.
 *
 * @param link where its detail is: GraphiQL with the saga query filled in (it needs an operator's token)
 */
public record ProblemSaga(String id, String type, String status, String orderId, Instant updatedAt, String problem,
        String link) {}
