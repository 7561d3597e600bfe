/** Outbound webhooks: events of the bus, signed and retried, to the endpoints operators register. */
package dev.oms.webhooks;
