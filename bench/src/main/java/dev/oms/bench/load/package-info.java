/** The load itself: planned orders, the two ways to place them (GraphQL, straight to Kafka), pacing, progress. */
package dev.oms.bench.load;
