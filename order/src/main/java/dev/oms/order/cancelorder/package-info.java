/** The CancelOrder saga: cancel the shipment, give the money back, release the stock, mark the order cancelled. */
package dev.oms.order.cancelorder;
