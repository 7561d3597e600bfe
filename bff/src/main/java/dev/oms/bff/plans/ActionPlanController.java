package dev.oms.bff.plans;

import dev.oms.bff.auth.Caller;
import dev.oms.bff.auth.Callers;
import dev.oms.bff.graphql.ErrorCodes;
import dev.oms.bff.graphql.Unavailable;
import dev.oms.bff.graphql.UserErrorView;
import dev.oms.order.api.ActionPlan;
import dev.oms.order.api.OrderCommands;
import dev.oms.order.api.OrderError;
import dev.oms.order.api.EditLineRequest;
import dev.oms.order.api.ReturnLineRequest;
import dev.oms.projections.api.Money;
import dev.oms.projections.api.OrderQueries;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * Dry runs of the actions on an order, before they are asked for: the steps each would run, the money and the stock
 * it would move, or why it would be refused. Customers get them for their own orders only.
 */
@Controller
class ActionPlanController {
    private final OrderCommands orders;
    private final OrderQueries orderViews;

    ActionPlanController(OrderCommands orders, OrderQueries orderViews) {
        this.orders = orders;
        this.orderViews = orderViews;
    }

    record LineInput(String sku, int quantity) {}

    record PlannedStepView(String name, String kind) {}

    record StockMoveView(String sku, int delta) {}

    record ActionPlanView(String action, boolean allowed, List<PlannedStepView> steps, Money refund, Money charge,
                          Money newTotal, List<StockMoveView> stock, String note, List<UserErrorView> userErrors) {}

    @QueryMapping
    ActionPlanView orderCancelPreview(@Argument String orderId) {
        return plan("CANCEL", orderId, () -> orders.previewCancel(orderId));
    }

    @QueryMapping
    ActionPlanView orderReturnPreview(@Argument String orderId, @Argument List<LineInput> lines,
                                      @Argument String reason) {
        List<ReturnLineRequest> asked = lines.stream().map(l -> new ReturnLineRequest(l.sku(), l.quantity())).toList();
        return plan("RETURN", orderId, () -> orders.previewReturn(orderId, asked, reason));
    }

    @QueryMapping
    ActionPlanView orderEditPreview(@Argument String orderId, @Argument List<LineInput> lines) {
        List<EditLineRequest> asked = lines.stream().map(l -> new EditLineRequest(l.sku(), l.quantity())).toList();
        return plan("EDIT", orderId, () -> orders.previewEdit(orderId, asked));
    }

    private ActionPlanView plan(String action, String orderId, Supplier<ActionPlan> preview) {
        Caller caller = Callers.current().requireSignedIn();
        if (caller.isCustomer() && orderViews.order(orderId).filter(o -> caller.actsFor(o.customerId())).isEmpty()) {
            return view(ActionPlan.refused(action, OrderError.ORDER_NOT_FOUND, "no order " + orderId));
        }
        return view(Unavailable.orRefused(preview,
                message -> ActionPlan.refused(action, ErrorCodes.SERVICE_UNAVAILABLE, message)));
    }

    private static ActionPlanView view(ActionPlan plan) {
        List<UserErrorView> errors = plan.refusal() == null ? List.of()
                : List.of(UserErrorView.of(plan.refusal().code().equals(OrderError.INVALID_INPUT) ? "lines" : "orderId",
                        plan.refusal().message(), plan.refusal().code()));
        return new ActionPlanView(plan.action(), plan.allowed(),
                plan.steps().stream().map(s -> new PlannedStepView(s.name(), s.kind())).toList(),
                money(plan.refund(), plan.currency()), money(plan.charge(), plan.currency()),
                money(plan.newTotal(), plan.currency()),
                plan.stock().stream().map(m -> new StockMoveView(m.sku(), m.delta())).toList(), plan.note(), errors);
    }

    private static Money money(Long amount, String currency) {
        return amount == null ? null : new Money(amount, currency);
    }
}
