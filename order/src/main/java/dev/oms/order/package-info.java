/** The order service: the order aggregate, its state machine, and the PlaceOrder saga it orchestrates. */
package dev.oms.order;
