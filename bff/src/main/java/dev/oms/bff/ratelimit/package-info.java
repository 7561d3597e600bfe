/**
 * Per-caller rate limits on GraphQL: a token bucket per customer, operator and anonymous client address, charged
 * with each operation's complexity before it runs (docs/rate-limits.md).
 */
package dev.oms.bff.ratelimit;
