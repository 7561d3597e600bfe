package dev.oms.bff.returns;

import dev.oms.bff.auth.Caller;
import dev.oms.bff.auth.Callers;
import dev.oms.bff.graphql.ErrorCodes;
import dev.oms.bff.graphql.MutationSpans;
import dev.oms.bff.graphql.Unavailable;
import dev.oms.bff.graphql.UserErrorView;
import dev.oms.fulfillment.api.FulfillmentCommands;
import dev.oms.fulfillment.api.ReceivedUnits;
import dev.oms.fulfillment.api.ReturnReceipt;
import dev.oms.order.api.OrderCommands;
import dev.oms.order.api.OrderError;
import dev.oms.order.api.ReturnLineRequest;
import dev.oms.order.api.ReturnResult;
import dev.oms.projections.api.OrderQueries;
import dev.oms.projections.api.OrderView;
import dev.oms.projections.api.ReturnQueries;
import dev.oms.projections.api.ReturnView;
import java.util.List;
import java.util.Optional;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * Returns: a customer asks to return lines of their delivered order and may withdraw it until the warehouse has it;
 * an operator receives the parcel and judges each unit. The order service and the warehouse decide; a customer's
 * request about another's order or return is answered as one about an unknown one.
 */
@Controller
class ReturnController {
    static final int MAX_KEY_LENGTH = 200;
    static final int MAX_LINES = 100;

    private final OrderCommands orders;
    private final FulfillmentCommands warehouse;
    private final OrderQueries orderViews;
    private final ReturnQueries returns;

    ReturnController(OrderCommands orders, FulfillmentCommands warehouse, OrderQueries orderViews, ReturnQueries returns) {
        this.orders = orders;
        this.warehouse = warehouse;
        this.orderViews = orderViews;
        this.returns = returns;
    }

    record ReturnLineInput(String sku, int quantity) {}

    record ReturnUnitsInput(String sku, int restockable, int damaged) {}

    @MutationMapping
    ReturnPayload orderReturnRequest(@Argument String orderId, @Argument List<ReturnLineInput> lines,
                                     @Argument String reason, @Argument String idempotencyKey) {
        Caller caller = Callers.current().requireSignedIn();
        if (idempotencyKey.isBlank() || idempotencyKey.length() > MAX_KEY_LENGTH) {
            return ReturnPayload.refused(UserErrorView.of("idempotencyKey",
                    "idempotencyKey must have 1 to " + MAX_KEY_LENGTH + " characters", OrderError.INVALID_INPUT));
        }
        if (lines.isEmpty() || lines.size() > MAX_LINES) {
            return ReturnPayload.refused(UserErrorView.of("lines", "name 1 to " + MAX_LINES + " lines",
                    OrderError.INVALID_INPUT));
        }
        if (caller.isCustomer() && orderViews.order(orderId).filter(o -> caller.actsFor(o.customerId())).isEmpty()) {
            return ReturnPayload.refused(UserErrorView.of("orderId", "no order " + orderId, OrderError.ORDER_NOT_FOUND));
        }
        List<ReturnLineRequest> asked = lines.stream().map(l -> new ReturnLineRequest(l.sku(), l.quantity())).toList();
        ReturnResult result = MutationSpans.traced("orderReturnRequest", () -> Unavailable.orRefused(
                () -> orders.requestReturn(orderId, asked, reason, idempotencyKey),
                message -> ReturnResult.refused(orderId, ErrorCodes.SERVICE_UNAVAILABLE, message)));
        return answer(result, switch (result.error() == null ? "" : result.error().code()) {
            case OrderError.IDEMPOTENCY_KEY_REUSED -> "idempotencyKey";
            case OrderError.INVALID_INPUT -> result.error().message().startsWith("the reason") ? "reason" : "lines";
            case ErrorCodes.SERVICE_UNAVAILABLE -> null;
            default -> "orderId";
        });
    }

    @MutationMapping
    ReturnPayload returnWithdraw(@Argument String returnId) {
        Caller caller = Callers.current().requireSignedIn();
        String customer = caller.isCustomer() ? caller.subject() : null;
        ReturnResult result = MutationSpans.traced("returnWithdraw", () -> Unavailable.orRefused(
                () -> orders.withdrawReturn(returnId, customer),
                message -> ReturnResult.refused(null, ErrorCodes.SERVICE_UNAVAILABLE, message)));
        return answer(result, result.error() != null && ErrorCodes.SERVICE_UNAVAILABLE.equals(result.error().code())
                ? null : "returnId");
    }

    /** Operators: the warehouse received the return's parcel; per sku the units restockable and damaged. */
    @MutationMapping
    ReturnPayload returnReceive(@Argument String returnId, @Argument List<ReturnUnitsInput> units) {
        Callers.current().requireOps();
        List<ReceivedUnits> received = units.stream()
                .map(u -> new ReceivedUnits(u.sku(), u.restockable(), u.damaged())).toList();
        ReturnReceipt receipt = MutationSpans.traced("returnReceive", () -> Unavailable.orRefused(
                () -> warehouse.receiveReturn(returnId, received),
                message -> ReturnReceipt.refused(returnId, ErrorCodes.SERVICE_UNAVAILABLE, null, message)));
        if (receipt.error() != null) {
            return ReturnPayload.refused(UserErrorView.of(receipt.error().field(), receipt.error().message(),
                    receipt.error().code()));
        }
        return new ReturnPayload(returnId, receipt.status(), returns.byId(returnId).orElse(null), List.of());
    }

    @QueryMapping(name = "return")
    Optional<ReturnView> returnById(@Argument String id) {
        return visible(Callers.current().requireSignedIn(), id);
    }

    @SchemaMapping(typeName = "Order")
    List<ReturnView> returns(OrderView order) {
        return returns.ofOrder(order.id());
    }

    @SchemaMapping(typeName = "ReturnPayload", field = "return")
    ReturnView returnOf(ReturnPayload payload) {
        return payload.returnView();
    }

    private Optional<ReturnView> visible(Caller caller, String returnId) {
        return returns.byId(returnId).filter(r -> caller.actsFor(r.customerId()));
    }

    private ReturnPayload answer(ReturnResult result, String field) {
        if (result.error() != null) {
            return ReturnPayload.refused(UserErrorView.of(field, result.error().message(), result.error().code()));
        }
        return new ReturnPayload(result.returnId(), result.status(), returns.byId(result.returnId()).orElse(null),
                List.of());
    }
}
