/** Order rules without I/O: the order state machine. */
package dev.oms.order.domain;
