/** JDBC tables, the sandbox payment provider and the command handlers of the payment service. */
package dev.oms.payment.adapters;
