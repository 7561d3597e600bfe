/** The cart operations: create a cart, add lines, read it, check it out; all through the cart service's commands. */
package dev.oms.bff.cart;
