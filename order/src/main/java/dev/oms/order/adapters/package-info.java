/** JDBC access to the order schema and the order service's message handling. */
package dev.oms.order.adapters;
