/** The webhooks service's commands and what they answer: all a caller (the BFF) may use. */
package dev.oms.webhooks.api;
