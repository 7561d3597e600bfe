/** The order query: an order with its payment, shipments, notifications and saga, from the order projection. */
package dev.oms.bff.order;
