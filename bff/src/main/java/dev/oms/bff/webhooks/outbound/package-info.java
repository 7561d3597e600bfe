/** Operators' GraphQL fields for outbound webhooks, on the webhooks service's commands. */
package dev.oms.bff.webhooks.outbound;
