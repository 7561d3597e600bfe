/** The cart operations: create a cart, add lines, read it, check it out; through the cart service, for its owner. */
package dev.oms.bff.cart;
