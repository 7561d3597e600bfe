/** The product catalog view: listings from the cart service, availability from inventory's stock levels. */
package dev.oms.projections.catalog;
