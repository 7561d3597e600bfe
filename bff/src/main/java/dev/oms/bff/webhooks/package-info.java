/** Webhooks from outside the platform: the payment provider's, handed to the payment service as received. */
package dev.oms.bff.webhooks;
