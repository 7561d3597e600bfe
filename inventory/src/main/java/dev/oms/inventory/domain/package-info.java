/** Pure inventory logic: the reservation state machine and the allocation of order lines to warehouses. */
package dev.oms.inventory.domain;
