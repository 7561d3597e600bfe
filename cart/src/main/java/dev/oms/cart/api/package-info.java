/** The cart service's public command interface and its records: what the BFF calls. */
package dev.oms.cart.api;
