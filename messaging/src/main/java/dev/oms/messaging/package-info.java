/** Transactional outbox, its relay to Kafka, the inbox that makes consumers idempotent, and consumer loops. */
package dev.oms.messaging;
