/** The catalog queries: products with price and availability, paged Relay-style. */
package dev.oms.bff.catalog;
