/**
 * Blue/green releases of a service under load ({@code oms release}): the route in the service's schema says which
 * share of its partitions green copies consume; the controller moves it step by step, waits for the consumer group's
 * handover, watches the saga legs' SLOs over a window and rolls back to blue when one burns.
 */
package dev.oms.app.release;
