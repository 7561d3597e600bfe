/** The order operations: an order with its timeline, order lists, cancellation and live status updates. */
package dev.oms.bff.order;
