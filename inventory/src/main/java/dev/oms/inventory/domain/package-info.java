/** Pure inventory logic: the reservation state machine, the allocation of order lines, the stock
 * moves of an order edit, why on hand moves. */
package dev.oms.inventory.domain;
