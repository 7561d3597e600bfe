/** Pure inventory logic: the reservation state machine, the allocation of order lines, why on hand moves. */
package dev.oms.inventory.domain;
