package dev.oms.order.returnorder;

import static dev.oms.saga.StepKind.PIVOT;
import static dev.oms.saga.StepKind.RETRIABLE;

import dev.oms.contracts.Channels;
import dev.oms.contracts.fulfillment.v1.CancelReturnExpectation;
import dev.oms.contracts.fulfillment.v1.ExpectReturn;
import dev.oms.contracts.fulfillment.v1.ReturnCancelRefused;
import dev.oms.contracts.fulfillment.v1.ReturnExpectationCancelled;
import dev.oms.contracts.fulfillment.v1.ReturnLine;
import dev.oms.contracts.fulfillment.v1.ReturnReceived;
import dev.oms.contracts.inventory.v1.RestockLine;
import dev.oms.contracts.inventory.v1.RestockReturn;
import dev.oms.contracts.inventory.v1.StockRestocked;
import dev.oms.contracts.order.v1.ReturnOrderSagaData;
import dev.oms.contracts.payment.v1.PaymentRefunded;
import dev.oms.contracts.payment.v1.RefundPayment;
import dev.oms.saga.Command;
import dev.oms.saga.Outcome;
import dev.oms.saga.SagaDefinition;
import java.time.Duration;

/**
 * A customer's return of a delivered order. The warehouse's receipt of the parcel is the pivot: until then the return
 * can be withdrawn (the warehouse stops expecting it, unless the parcel arrived first); once received, restockable
 * units go back on sale in the warehouse they left from and every unit received is refunded at the price paid, both
 * retried until done.
 */
public final class ReturnOrderSaga {
    public static final String NAME = "ReturnOrder";
    /** Names the refund among the order's refunds, so that a resend never refunds a return twice. */
    static final String REFUND_OPERATION = "return-";

    private ReturnOrderSaga() {}

    public static SagaDefinition<ReturnOrderSagaData> definition(Returns returns, Duration stepTimeout,
                                                                 Duration shipBack) {
        return SagaDefinition.<ReturnOrderSagaData>named(NAME)
                .defaultTimeout(stepTimeout)
                .step("receive_goods", PIVOT)
                    .invoke(ReturnOrderSaga::expectReturn)
                    .onReply(ReturnReceived.class, (data, r) -> Outcome.success(data))
                    .withCompensation(data -> new Command(Channels.FULFILLMENT_COMMANDS, CancelReturnExpectation.newBuilder()
                            .setReturnId(data.getReturnId()).setOrderId(data.getOrderId()).setReason("withdrawn").build()),
                            ReturnExpectationCancelled.class)
                    .compensationRefusedBy(ReturnCancelRefused.class)
                    .undoableWhileWaiting()
                    .timeout(shipBack)
                    .compensationTimeout(stepTimeout)
                .step("record_receipt", RETRIABLE)
                    // past the pivot by the warehouse's refusal to cancel, the receipt itself may not be here yet
                    .local((tx, data) -> returns.withReceipt(tx, data).map(Outcome::success).orElseGet(() ->
                            Outcome.failure("the warehouse's receipt has not reached the order service yet")))
                .step("restock_units", RETRIABLE)
                    .invoke(ReturnOrderSaga::restock)
                    .onReply(StockRestocked.class, (data, r) -> Outcome.success(data))
                .step("refund_lines", RETRIABLE)
                    .invoke(ReturnOrderSaga::refund)
                    .onReply(PaymentRefunded.class, (data, r) -> Outcome.success(data))
                .step("mark_refunded", RETRIABLE)
                    .local((tx, data) -> {
                        returns.refunded(tx, data);
                        return Outcome.success(data);
                    })
                .onCompensated((tx, data, why) -> returns.cancelled(tx, data, why.reason()))
                .build();
    }

    public static String orderIdOf(ReturnOrderSagaData data) {
        return data.getOrderId();
    }

    private static Command expectReturn(ReturnOrderSagaData data) {
        ExpectReturn.Builder command = ExpectReturn.newBuilder().setReturnId(data.getReturnId()).setOrderId(data.getOrderId());
        data.getLinesList().forEach(line -> command.addLines(ReturnLine.newBuilder().setSku(line.getSku())
                .setQuantity(line.getQuantity())));
        return new Command(Channels.FULFILLMENT_COMMANDS, command.build());
    }

    private static Command restock(ReturnOrderSagaData data) {
        RestockReturn.Builder command = RestockReturn.newBuilder().setReturnId(data.getReturnId())
                .setOrderId(data.getOrderId());
        data.getReceivedList().stream().filter(unit -> unit.getRestockable() > 0).forEach(unit ->
                command.addLines(RestockLine.newBuilder().setSku(unit.getSku()).setWarehouse(unit.getWarehouse())
                        .setQuantity(unit.getRestockable())));
        return new Command(Channels.INVENTORY_COMMANDS, command.build());
    }

    private static Command refund(ReturnOrderSagaData data) {
        String currency = data.getLines(0).getUnitPrice().getCurrency();
        return new Command(Channels.PAYMENT_COMMANDS, RefundPayment.newBuilder().setOrderId(data.getOrderId())
                .setReason("return " + data.getReturnId() + ": " + data.getReason())
                .setAmount(Returns.money(Returns.refundOf(data), currency))
                .setOperationId(REFUND_OPERATION + data.getReturnId()).build());
    }
}
