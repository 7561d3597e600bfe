/**
 * Pure fulfillment logic: the shipment state machine, the split of an order's lines into shipments, and order edits
 * applied to them.
 */
package dev.oms.fulfillment.domain;
