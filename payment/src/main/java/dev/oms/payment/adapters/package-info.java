/** JDBC tables, the sandbox payment provider (its books in schema payment_provider) and the command handlers. */
package dev.oms.payment.adapters;
