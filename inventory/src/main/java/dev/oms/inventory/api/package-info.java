/** Public records of the inventory service: stock seeds and stock levels. */
package dev.oms.inventory.api;
