/** Pure rules of outbound webhooks: the retry schedule, the signature, which types an endpoint gets. */
package dev.oms.webhooks.domain;
