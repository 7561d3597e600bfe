/** Public records of the fulfillment service: its configuration. */
package dev.oms.fulfillment.api;
