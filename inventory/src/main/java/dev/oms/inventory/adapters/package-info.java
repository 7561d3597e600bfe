/** JDBC tables, the command handlers and the reservation expiry job of the inventory service. */
package dev.oms.inventory.adapters;
