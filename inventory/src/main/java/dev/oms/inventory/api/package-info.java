/** Public records of the inventory service: its configuration, stock seeds, stock levels and operator commands. */
package dev.oms.inventory.api;
