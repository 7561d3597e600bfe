/** The order view: order, payment, saga, shipment and notification events folded into one readable order. */
package dev.oms.projections.order;
