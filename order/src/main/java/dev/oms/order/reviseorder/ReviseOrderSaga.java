package dev.oms.order.reviseorder;

import static dev.oms.saga.StepKind.COMPENSATABLE;
import static dev.oms.saga.StepKind.PIVOT;
import static dev.oms.saga.StepKind.RETRIABLE;

import dev.oms.contracts.Channels;
import dev.oms.contracts.common.v1.Money;
import dev.oms.contracts.fulfillment.v1.ReviseShipment;
import dev.oms.contracts.fulfillment.v1.ShipmentLine;
import dev.oms.contracts.fulfillment.v1.ShipmentReviseRefused;
import dev.oms.contracts.fulfillment.v1.ShipmentRevised;
import dev.oms.contracts.inventory.v1.AdjustOrderStock;
import dev.oms.contracts.inventory.v1.StockAdjusted;
import dev.oms.contracts.inventory.v1.StockAdjustmentUndone;
import dev.oms.contracts.inventory.v1.StockChange;
import dev.oms.contracts.inventory.v1.StockUnavailable;
import dev.oms.contracts.inventory.v1.UndoStockAdjustment;
import dev.oms.contracts.order.v1.EditedLine;
import dev.oms.contracts.order.v1.ReviseOrderSagaData;
import dev.oms.contracts.payment.v1.AuthorizeIncrement;
import dev.oms.contracts.payment.v1.CapturePayment;
import dev.oms.contracts.payment.v1.IncrementAuthorized;
import dev.oms.contracts.payment.v1.IncrementReleased;
import dev.oms.contracts.payment.v1.PaymentCaptureFailed;
import dev.oms.contracts.payment.v1.PaymentCaptured;
import dev.oms.contracts.payment.v1.PaymentDeclined;
import dev.oms.contracts.payment.v1.PaymentRefunded;
import dev.oms.contracts.payment.v1.RefundPayment;
import dev.oms.contracts.payment.v1.ReleaseIncrement;
import dev.oms.saga.Command;
import dev.oms.saga.Outcome;
import dev.oms.saga.SagaDefinition;
import java.time.Duration;

/**
 * An edit of an order that has not shipped: the stock follows the new quantities first (taken or put back), then a
 * higher total is authorized on top of what was paid; the warehouse revising the shipments is the pivot (refused once a
 * parcel left: the stock and the authorization are undone and the order stays as it was). After it the difference is
 * captured, or a lower total's difference refunded, and the order takes its new lines and total. Every participant
 * names the edit's operation "edit-" and the edit id, so a repeat never moves anything twice.
 */
public final class ReviseOrderSaga {
    public static final String NAME = "ReviseOrder";

    private ReviseOrderSaga() {}

    public static SagaDefinition<ReviseOrderSagaData> definition(Edits edits, Duration stepTimeout) {
        return SagaDefinition.<ReviseOrderSagaData>named(NAME)
                .defaultTimeout(stepTimeout)
                .step("adjust_stock", COMPENSATABLE)
                    .invoke(ReviseOrderSaga::adjustStock)
                    .onReply(StockAdjusted.class, (data, r) -> Outcome.success(
                            data.toBuilder().clearMoved().addAllMoved(r.getMovedList()).build()))
                    .onReply(StockUnavailable.class, (data, r) -> Outcome.failure("stock unavailable: " + r.getReason()))
                    .withCompensation(data -> new Command(Channels.INVENTORY_COMMANDS, UndoStockAdjustment.newBuilder()
                            .setOrderId(data.getOrderId()).setOperationId(operationOf(data))
                            .setReason("the edit was undone").build()), StockAdjustmentUndone.class)
                .step("authorize_difference", COMPENSATABLE)
                    .invoke(data -> new Command(Channels.PAYMENT_COMMANDS, AuthorizeIncrement.newBuilder()
                            .setOrderId(data.getOrderId()).setOperationId(operationOf(data))
                            .setAmount(money(data, Math.max(0, differenceOf(data))))
                            .setPaymentToken(data.getPaymentToken()).build()))
                    .onReply(IncrementAuthorized.class, (data, r) -> Outcome.success(data))
                    .onReply(PaymentDeclined.class, (data, r) -> Outcome.failure("payment declined: " + r.getCode()))
                    .withCompensation(data -> new Command(Channels.PAYMENT_COMMANDS, ReleaseIncrement.newBuilder()
                            .setOrderId(data.getOrderId()).setOperationId(operationOf(data))
                            .setReason("the edit was undone").build()), IncrementReleased.class)
                .step("revise_shipment", PIVOT)
                    .invoke(ReviseOrderSaga::reviseShipment)
                    .onReply(ShipmentRevised.class, (data, r) -> Outcome.success(data))
                    .onReply(ShipmentReviseRefused.class, (data, r) -> Outcome.failure("too late: " + r.getReason()))
                .step("settle_difference", RETRIABLE)
                    .invoke(ReviseOrderSaga::settle)
                    .onReply(PaymentCaptured.class, (data, r) -> Outcome.success(data))
                    .onReply(PaymentRefunded.class, (data, r) -> Outcome.success(data))
                    .onReply(PaymentCaptureFailed.class, (data, r) -> Outcome.failure("capture failed: " + r.getReason()))
                .step("apply_edit", RETRIABLE)
                    .local((tx, data) -> {
                        edits.applied(tx, data);
                        return Outcome.success(data);
                    })
                .onCompensated((tx, data, why) -> edits.failed(tx, data, why.reason()))
                .build();
    }

    public static String orderIdOf(ReviseOrderSagaData data) {
        return data.getOrderId();
    }

    /** Names the edit at the warehouse, the stock and the payment: "edit-" and the edit id. */
    static String operationOf(ReviseOrderSagaData data) {
        return "edit-" + data.getEditId();
    }

    /** What the edit charges (positive) or refunds (negative). */
    static long differenceOf(ReviseOrderSagaData data) {
        return Math.subtractExact(data.getNewTotal().getAmount(), data.getPreviousTotal().getAmount());
    }

    private static Command adjustStock(ReviseOrderSagaData data) {
        AdjustOrderStock.Builder command = AdjustOrderStock.newBuilder().setOrderId(data.getOrderId())
                .setOperationId(operationOf(data));
        for (EditedLine line : data.getLinesList()) {
            command.addChanges(StockChange.newBuilder().setSku(line.getSku())
                    .setQuantity(line.getQuantity() - line.getPreviousQuantity()));
        }
        return new Command(Channels.INVENTORY_COMMANDS, command.build());
    }

    /** The warehouses follow the units inventory moved: taken units are added to the parcels, put-back ones removed. */
    private static Command reviseShipment(ReviseOrderSagaData data) {
        ReviseShipment.Builder command = ReviseShipment.newBuilder().setOrderId(data.getOrderId())
                .setOperationId(operationOf(data));
        data.getMovedList().forEach(moved -> command.addChanges(ShipmentLine.newBuilder().setSku(moved.getSku())
                .setWarehouse(moved.getWarehouse()).setQuantity(moved.getQuantity())));
        return new Command(Channels.FULFILLMENT_COMMANDS, command.build());
    }

    private static Command settle(ReviseOrderSagaData data) {
        long difference = differenceOf(data);
        if (difference > 0) {
            return new Command(Channels.PAYMENT_COMMANDS, CapturePayment.newBuilder().setOrderId(data.getOrderId())
                    .setAmount(money(data, difference)).setOperationId(operationOf(data)).build());
        }
        return new Command(Channels.PAYMENT_COMMANDS, RefundPayment.newBuilder().setOrderId(data.getOrderId())
                .setReason("the order was edited to a lower total").setAmount(money(data, -difference))
                .setOperationId(operationOf(data)).build());
    }

    private static Money money(ReviseOrderSagaData data, long amount) {
        return Money.newBuilder().setAmount(amount).setCurrency(data.getNewTotal().getCurrency()).build();
    }
}
