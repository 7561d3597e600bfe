/** JDBC tables and the command handlers of the inventory service. */
package dev.oms.inventory.adapters;
