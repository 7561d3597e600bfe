/** Readiness checks of each service (PostgreSQL, Kafka, outbox lag) as Actuator health contributors of the BFF. */
package dev.oms.app.platform.health;
