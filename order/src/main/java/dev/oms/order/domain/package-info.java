/** Order rules without I/O: the Order aggregate, which owns every status change, and its state machine. */
package dev.oms.order.domain;
