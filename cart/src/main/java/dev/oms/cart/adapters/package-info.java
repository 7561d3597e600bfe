/** JDBC access to the cart schema. */
package dev.oms.cart.adapters;
