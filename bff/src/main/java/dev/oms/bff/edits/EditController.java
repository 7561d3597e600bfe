package dev.oms.bff.edits;

import dev.oms.bff.auth.Caller;
import dev.oms.bff.auth.Callers;
import dev.oms.bff.graphql.ErrorCodes;
import dev.oms.bff.graphql.MutationSpans;
import dev.oms.bff.graphql.Unavailable;
import dev.oms.bff.graphql.UserErrorView;
import dev.oms.order.api.EditLineRequest;
import dev.oms.order.api.EditResult;
import dev.oms.order.api.OrderCommands;
import dev.oms.order.api.OrderError;
import dev.oms.projections.api.Money;
import java.util.List;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/**
 * Edits of an order before it ships. The order service decides (a customer's request about another's order is answered
 * as one about an unknown order) and runs the ReviseOrder saga; the payload says how the edit stands now.
 */
@Controller
class EditController {
    static final int MAX_KEY_LENGTH = 200;
    static final int MAX_LINES = 100;

    private final OrderCommands orders;

    EditController(OrderCommands orders) {
        this.orders = orders;
    }

    record EditLineInput(String sku, int quantity) {}

    record EditPayload(String editId, String status, Money previousTotal, Money newTotal, String failure,
                       List<UserErrorView> userErrors) {

        static EditPayload refused(UserErrorView error) {
            return new EditPayload(null, null, null, null, null, List.of(error));
        }
    }

    @MutationMapping
    EditPayload orderEdit(@Argument String orderId, @Argument List<EditLineInput> lines,
                          @Argument String idempotencyKey) {
        Caller caller = Callers.current().requireSignedIn();
        if (idempotencyKey.isBlank() || idempotencyKey.length() > MAX_KEY_LENGTH) {
            return EditPayload.refused(UserErrorView.of("idempotencyKey",
                    "idempotencyKey must have 1 to " + MAX_KEY_LENGTH + " characters", OrderError.INVALID_INPUT));
        }
        if (lines.isEmpty() || lines.size() > MAX_LINES) {
            return EditPayload.refused(UserErrorView.of("lines", "name 1 to " + MAX_LINES + " lines",
                    OrderError.INVALID_INPUT));
        }
        String customer = caller.isCustomer() ? caller.subject() : null;
        List<EditLineRequest> asked = lines.stream().map(l -> new EditLineRequest(l.sku(), l.quantity())).toList();
        EditResult result = MutationSpans.traced("orderEdit", () -> Unavailable.orRefused(
                () -> orders.editOrder(orderId, asked, customer, idempotencyKey),
                message -> EditResult.refused(orderId, ErrorCodes.SERVICE_UNAVAILABLE, message)));
        if (result.error() != null) {
            String field = switch (result.error().code()) {
                case OrderError.IDEMPOTENCY_KEY_REUSED -> "idempotencyKey";
                case OrderError.INVALID_INPUT -> "lines";
                case ErrorCodes.SERVICE_UNAVAILABLE -> null;
                default -> "orderId";
            };
            return EditPayload.refused(UserErrorView.of(field, result.error().message(), result.error().code()));
        }
        return new EditPayload(result.editId(), result.status(), money(result.previousTotal(), result.currency()),
                money(result.newTotal(), result.currency()), result.failure(), List.of());
    }

    private static Money money(Long amount, String currency) {
        return amount == null ? null : new Money(amount, currency);
    }
}
