package dev.oms.bff.order;

import dev.oms.bff.auth.Caller;
import dev.oms.bff.auth.Callers;
import dev.oms.bff.graphql.ErrorCodes;
import dev.oms.bff.graphql.MutationSpans;
import dev.oms.bff.graphql.Unavailable;
import dev.oms.bff.graphql.UserErrorView;
import dev.oms.order.api.CancelResult;
import dev.oms.order.api.OrderCommands;
import dev.oms.order.api.OrderError;
import dev.oms.projections.api.OrderQueries;
import java.util.List;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/**
 * Cancellation goes to the order service, which decides whether the order may still be cancelled. A customer may
 * cancel only an order the read side shows as theirs; any other is answered as the order service answers an
 * unknown one, so nothing tells whether it exists.
 */
@Controller
class OrderCancelController {
    static final int MAX_REASON_LENGTH = 500;
    static final int MAX_KEY_LENGTH = 200;

    private final OrderCommands commands;
    private final OrderQueries orders;

    OrderCancelController(OrderCommands commands, OrderQueries orders) {
        this.commands = commands;
        this.orders = orders;
    }

    @MutationMapping
    OrderCancelPayload orderCancel(@Argument String orderId, @Argument String reason, @Argument String idempotencyKey) {
        Caller caller = Callers.current().requireSignedIn();
        if (reason != null && reason.length() > MAX_REASON_LENGTH) {
            return OrderCancelPayload.refused(UserErrorView.of("reason",
                    "reason may have at most " + MAX_REASON_LENGTH + " characters", OrderError.INVALID_INPUT));
        }
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > MAX_KEY_LENGTH)) {
            return OrderCancelPayload.refused(UserErrorView.of("idempotencyKey",
                    "idempotencyKey must have 1 to " + MAX_KEY_LENGTH + " characters", OrderError.INVALID_INPUT));
        }
        if (caller.isCustomer() && OrderController.visible(orders, caller, orderId).isEmpty()) {
            return OrderCancelPayload.refused(
                    UserErrorView.of("orderId", "no order " + orderId, OrderError.ORDER_NOT_FOUND));
        }
        String key = idempotencyKey != null ? idempotencyKey : "cancel:" + orderId;
        CancelResult result = MutationSpans.traced("orderCancel", () -> Unavailable.orRefused(
                () -> commands.cancel(orderId, reason, key),
                message -> CancelResult.refused(orderId, ErrorCodes.SERVICE_UNAVAILABLE, message)));
        if (result.error() != null) {
            return OrderCancelPayload.refused(UserErrorView.of(fieldOf(result.error()), result.error().message(),
                    result.error().code()));
        }
        return new OrderCancelPayload(result.status(), result.progress().name(),
                OrderController.visible(orders, caller, orderId).orElse(null), List.of());
    }

    /** The argument an order service refusal is about. */
    private static String fieldOf(OrderError error) {
        return switch (error.code()) {
            case OrderError.IDEMPOTENCY_KEY_REUSED -> "idempotencyKey";
            case OrderError.INVALID_INPUT, ErrorCodes.SERVICE_UNAVAILABLE -> null;
            default -> "orderId";
        };
    }
}
