package dev.oms.order.api;

import java.util.List;

/**
 * What an action (CANCEL, RETURN, EDIT) would do if asked now, without doing it: whether it would be accepted (else
 * refusal says why, as the action would), the saga steps it would run, the money it would move (refund to the
 * customer, charge of a difference; minor units of currency, null when none or not known before the warehouse
 * answers) and the stock it would move. A dry run: nothing is changed, nothing reserved.
 */
public record ActionPlan(String action, boolean allowed, OrderError refusal, List<PlannedStep> steps, Long refund,
                         Long charge, String currency, List<StockMove> stock, Long newTotal, String note) {

    /** One saga step the action would run, and what it is (COMPENSATABLE, PIVOT, RETRIABLE, or UNDO of a step). */
    public record PlannedStep(String name, String kind) {}

    /** Units of a sku the action would put back on hand (positive) or take (negative), at most. */
    public record StockMove(String sku, int delta) {}

    public static ActionPlan refused(String action, String code, String message) {
        return new ActionPlan(action, false, new OrderError(code, message), List.of(), null, null, null, List.of(), null,
                null);
    }
}
