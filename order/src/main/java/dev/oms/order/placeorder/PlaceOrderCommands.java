package dev.oms.order.placeorder;

import dev.oms.contracts.Channels;
import dev.oms.contracts.cart.v1.CheckoutCompleted;
import dev.oms.contracts.fulfillment.v1.CancelShipment;
import dev.oms.contracts.fulfillment.v1.CreateShipment;
import dev.oms.contracts.fulfillment.v1.ShipmentLine;
import dev.oms.contracts.inventory.v1.CommitStock;
import dev.oms.contracts.inventory.v1.ReleaseStock;
import dev.oms.contracts.inventory.v1.ReserveStock;
import dev.oms.contracts.inventory.v1.StockItem;
import dev.oms.contracts.notification.v1.SendNotification;
import dev.oms.contracts.order.v1.PlaceOrderSagaData;
import dev.oms.contracts.payment.v1.AuthorizePayment;
import dev.oms.contracts.payment.v1.CapturePayment;
import dev.oms.contracts.payment.v1.VoidAuthorization;
import dev.oms.saga.Command;

/** The commands the PlaceOrder saga sends, each built from the saga's data. */
final class PlaceOrderCommands {
    private PlaceOrderCommands() {}

    static Command reserveStock(PlaceOrderSagaData data) {
        ReserveStock.Builder command = ReserveStock.newBuilder().setOrderId(orderId(data));
        data.getCheckout().getLinesList().forEach(line ->
                command.addItems(StockItem.newBuilder().setSku(line.getSku()).setQuantity(line.getQuantity())));
        return new Command(Channels.INVENTORY_COMMANDS, command.build());
    }

    static Command releaseStock(PlaceOrderSagaData data) {
        return new Command(Channels.INVENTORY_COMMANDS,
                ReleaseStock.newBuilder().setOrderId(orderId(data)).setReason("order not placed").build());
    }

    static Command authorizePayment(PlaceOrderSagaData data) {
        CheckoutCompleted checkout = data.getCheckout();
        return new Command(Channels.PAYMENT_COMMANDS, AuthorizePayment.newBuilder()
                .setOrderId(checkout.getOrderId())
                .setCustomerId(checkout.getCustomerId())
                .setAmount(checkout.getTotal())
                .setPaymentToken(checkout.getPaymentToken())
                .build());
    }

    static Command voidAuthorization(PlaceOrderSagaData data) {
        return new Command(Channels.PAYMENT_COMMANDS,
                VoidAuthorization.newBuilder().setOrderId(orderId(data)).setReason("order not placed").build());
    }

    static Command createShipment(PlaceOrderSagaData data) {
        CreateShipment.Builder command = CreateShipment.newBuilder()
                .setOrderId(orderId(data))
                .setShippingAddress(data.getCheckout().getShippingAddress());
        data.getAllocationsList().forEach(a -> command.addLines(
                ShipmentLine.newBuilder().setSku(a.getSku()).setWarehouse(a.getWarehouse()).setQuantity(a.getQuantity())));
        return new Command(Channels.FULFILLMENT_COMMANDS, command.build());
    }

    static Command cancelShipment(PlaceOrderSagaData data) {
        return new Command(Channels.FULFILLMENT_COMMANDS,
                CancelShipment.newBuilder().setOrderId(orderId(data)).setReason("order not placed").build());
    }

    static Command capturePayment(PlaceOrderSagaData data) {
        return new Command(Channels.PAYMENT_COMMANDS, CapturePayment.newBuilder().setOrderId(orderId(data)).build());
    }

    static Command commitStock(PlaceOrderSagaData data) {
        return new Command(Channels.INVENTORY_COMMANDS, CommitStock.newBuilder().setOrderId(orderId(data)).build());
    }

    static Command notifyCustomer(PlaceOrderSagaData data) {
        CheckoutCompleted checkout = data.getCheckout();
        return new Command(Channels.NOTIFICATION_COMMANDS, SendNotification.newBuilder()
                .setOrderId(checkout.getOrderId())
                .setCustomerId(checkout.getCustomerId())
                .setChannel("email")
                .setTemplate("order_confirmed")
                .setRecipient(checkout.getCustomerId())
                .setDedupKey("order_confirmed:" + checkout.getOrderId())
                .putParams("orderId", checkout.getOrderId())
                .build());
    }

    private static String orderId(PlaceOrderSagaData data) {
        return data.getCheckout().getOrderId();
    }
}
