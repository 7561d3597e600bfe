package dev.oms.order.cancelrest;

import static dev.oms.saga.StepKind.PIVOT;
import static dev.oms.saga.StepKind.RETRIABLE;

import dev.oms.contracts.Channels;
import dev.oms.contracts.common.v1.Money;
import dev.oms.contracts.fulfillment.v1.CancelUnshipped;
import dev.oms.contracts.fulfillment.v1.ShipmentCancelRefused;
import dev.oms.contracts.fulfillment.v1.UnshippedCancelled;
import dev.oms.contracts.inventory.v1.RestockLine;
import dev.oms.contracts.inventory.v1.RestockReturn;
import dev.oms.contracts.inventory.v1.StockRestocked;
import dev.oms.contracts.order.v1.CancelRestSagaData;
import dev.oms.contracts.order.v1.CancelledLine;
import dev.oms.contracts.payment.v1.PaymentRefunded;
import dev.oms.contracts.payment.v1.RefundPayment;
import dev.oms.saga.Command;
import dev.oms.saga.Outcome;
import dev.oms.saga.SagaDefinition;
import java.time.Duration;

/**
 * The cancellation of what of a partly shipped order has not left: the warehouse cancels the shipments still there
 * (the pivot: if everything left meanwhile, nothing changes), then their units go back on hand and exactly their lines
 * are refunded at the price paid, and the order is SHIPPED (or DELIVERED) with what did leave.
 */
public final class CancelRestSaga {
    public static final String NAME = "CancelRest";
    static final String RESTOCK_CAUSE = "CANCELLED_REST";

    private CancelRestSaga() {}

    public static SagaDefinition<CancelRestSagaData> definition(CancelledRest rest, Duration stepTimeout) {
        return SagaDefinition.<CancelRestSagaData>named(NAME)
                .defaultTimeout(stepTimeout)
                .step("cancel_unshipped", PIVOT)
                    .invoke(data -> new Command(Channels.FULFILLMENT_COMMANDS, CancelUnshipped.newBuilder()
                            .setOrderId(data.getOrderId()).setReason(data.getReason())
                            .setOperationId(operationOf(data)).build()))
                    .onReply(UnshippedCancelled.class, (data, r) -> Outcome.success(data.toBuilder()
                            .clearCancelled().setRemainingStatus(r.getRemainingStatus())
                            .addAllCancelled(r.getUnitsList().stream().map(u -> CancelledLine.newBuilder()
                                    .setSku(u.getSku()).setWarehouse(u.getWarehouse()).setQuantity(u.getQuantity())
                                    .build()).toList()).build()))
                    .onReply(ShipmentCancelRefused.class, (data, r) -> Outcome.failure("too late: " + r.getReason()))
                .step("price_cancelled", RETRIABLE)
                    .local((tx, data) -> Outcome.success(rest.priced(tx, data)))
                .step("restock_units", RETRIABLE)
                    .invoke(CancelRestSaga::restock)
                    .onReply(StockRestocked.class, (data, r) -> Outcome.success(data))
                .step("refund_lines", RETRIABLE)
                    .invoke(CancelRestSaga::refund)
                    .onReply(PaymentRefunded.class, (data, r) -> Outcome.success(data))
                .step("mark_rest_cancelled", RETRIABLE)
                    .local((tx, data) -> {
                        rest.done(tx, data);
                        return Outcome.success(data);
                    })
                .build();
    }

    public static String orderIdOf(CancelRestSagaData data) {
        return data.getOrderId();
    }

    /** Names the cancellation at the warehouse, the stock and the payment: "cancel-rest-" and the order id. */
    static String operationOf(CancelRestSagaData data) {
        return "cancel-rest-" + data.getOrderId();
    }

    static long refundOf(CancelRestSagaData data) {
        return data.getCancelledList().stream()
                .mapToLong(line -> Math.multiplyExact(line.getUnitPrice().getAmount(), (long) line.getQuantity())).sum();
    }

    private static Command restock(CancelRestSagaData data) {
        RestockReturn.Builder command = RestockReturn.newBuilder().setReturnId(operationOf(data))
                .setOrderId(data.getOrderId()).setCause(RESTOCK_CAUSE);
        data.getCancelledList().forEach(line -> command.addLines(RestockLine.newBuilder().setSku(line.getSku())
                .setWarehouse(line.getWarehouse()).setQuantity(line.getQuantity())));
        return new Command(Channels.INVENTORY_COMMANDS, command.build());
    }

    private static Command refund(CancelRestSagaData data) {
        String currency = data.getCancelled(0).getUnitPrice().getCurrency();
        return new Command(Channels.PAYMENT_COMMANDS, RefundPayment.newBuilder().setOrderId(data.getOrderId())
                .setReason("the unshipped rest was cancelled: " + data.getReason())
                .setAmount(Money.newBuilder().setAmount(refundOf(data)).setCurrency(currency))
                .setOperationId(operationOf(data)).build());
    }
}
