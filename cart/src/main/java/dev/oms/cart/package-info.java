/** The cart service: carts, their lines priced from the catalog, and checkout that requests the order. */
package dev.oms.cart;
