/** Pure fulfillment logic: the shipment state machine and the split of an order's lines into shipments. */
package dev.oms.fulfillment.domain;
