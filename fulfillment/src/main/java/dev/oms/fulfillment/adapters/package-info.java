/** JDBC tables, the command handlers and the auto-advance job of the fulfillment service. */
package dev.oms.fulfillment.adapters;
