/** The catalog queries: products with price and availability, searchable, paged Relay-style; open to anyone. */
package dev.oms.bff.catalog;
