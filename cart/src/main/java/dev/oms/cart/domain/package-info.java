/** Cart rules without I/O: the cart state machine and input validation. */
package dev.oms.cart.domain;
