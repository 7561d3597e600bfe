/** The inventory service: stock per SKU and warehouse, reservations for orders, and its entry point. */
package dev.oms.inventory;
