/** The order service's public command interfaces and records: what the BFF and operators call. */
package dev.oms.order.api;
