/** The PlaceOrder saga: reserve stock, authorize payment, confirm, ship, capture, commit stock, notify. */
package dev.oms.order.placeorder;
