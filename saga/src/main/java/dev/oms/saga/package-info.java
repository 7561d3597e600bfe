/** The saga orchestration engine: typed saga definitions, durable instances, step dispatch and compensation. */
package dev.oms.saga;
