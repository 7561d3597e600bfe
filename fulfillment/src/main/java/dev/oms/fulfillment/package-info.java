/** The fulfillment service: shipments per warehouse for an order, their progress and cancellation. */
package dev.oms.fulfillment;
