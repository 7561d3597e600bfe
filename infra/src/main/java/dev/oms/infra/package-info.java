/** Local infrastructure for running and testing oms without external servers: embedded durable PostgreSQL, an in-process Kafka KRaft broker, JDBC pools and topic helpers. */
package dev.oms.infra;
