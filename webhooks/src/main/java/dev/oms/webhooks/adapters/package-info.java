/** The webhooks service's tables, its event handler and its HTTP dispatcher. */
package dev.oms.webhooks.adapters;
